import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';

describe('GET /api/v1/users/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('describes the signed-in user', async () => {
    const alice = await addUser(t.app, 'alice');

    const res = await t.app.inject({ url: '/api/v1/users/me', headers: alice.auth });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: alice.id,
      username: 'alice',
      is_admin: false,
      disabled: false,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('is documented in the OpenAPI spec with bearer security', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    const me = spec.paths['/api/v1/users/me'].get;
    expect(me.security).toEqual([{ oauth2Password: [] }, { bearerAuth: [] }]);
    expect(me.responses['401'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/token',
        '/api/v1/auth/refresh',
        '/api/v1/auth/logout',
        '/api/v1/users/{user_id}',
      ]),
    );
  });
});
