import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '../../src/repositories/users.js';
import { addUser, buildTestApp, type TestApp, type TestUser } from '../helpers/app.js';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('access tokens on authenticated routes', () => {
  let t: TestApp;
  let alice: TestUser;
  let key: Uint8Array;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addUser(t.app, 'alice');
    key = new TextEncoder().encode(t.config.secretKey);
  });
  afterAll(() => t.close());

  const me = (token: string) =>
    t.app.inject({ url: '/api/v1/users/me', headers: { authorization: `Bearer ${token}` } });

  const signed = (alg: string, expiresAt: number | string = '5m') =>
    new SignJWT({})
      .setProtectedHeader({ alg })
      .setSubject(alice.id)
      .setIssuer('atelier')
      .setAudience('atelier-api')
      .setIssuedAt()
      .setJti('test-jti')
      .setExpirationTime(expiresAt)
      .sign(key);

  it('admits the token from sign-in', async () => {
    const res = await me(alice.token);
    expect(res.statusCode).toBe(200);
  });

  it('answers 401 without a bearer token', async () => {
    const res = await t.app.inject({ url: '/api/v1/users/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json().code).toBe('not_authenticated');
  });

  it.each([
    ['signed with HS512', () => signed('HS512')],
    [
      'with alg none',
      async () => `${base64url({ alg: 'none' })}.${(await signed('HS256')).split('.')[1]}.`,
    ],
    ['with a bad signature', async () => `${(await signed('HS256')).slice(0, -4)}AAAA`],
    ['expired', () => signed('HS256', Math.floor(Date.now() / 1000) - 60)],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses a token %s', async (_case, makeToken) => {
    const res = await me(await makeToken());

    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(res.json().code).toBe('invalid_token');
  });

  it('refuses the tokens of a user once disabled', async () => {
    const dave = await addUser(t.app, 'dave');
    await updateUser(t.app.db, dave.id, { disabled: true });

    const res = await me(dave.token);

    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_token');
  });
});
