import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, login, type TestApp, type TestUser } from '../helpers/app.js';

describe('user administration', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await addUser(t.app, 'admin', { admin: true });
    member = await addUser(t.app, 'member');
  });
  afterAll(() => t.close());

  const create = (body: object, auth = admin.auth) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: body });

  const patch = (id: string, body: object, auth = admin.auth) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: auth, payload: body });

  it('creates a user who can then sign in', async () => {
    const res = await create({ username: 'new.user-1', password: 'a-good-password' });

    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ username: 'new.user-1', is_admin: false, disabled: false });
    expect(res.headers.location).toBe(`/api/v1/users/${body.id}`);
    const fetched = await t.app.inject({
      url: res.headers.location as string,
      headers: admin.auth,
    });
    expect(fetched.json()).toEqual(body);
    await expect(login(t.app, 'new.user-1', 'a-good-password')).resolves.toBeTruthy();
  });

  it('answers 409 user_exists for a taken username', async () => {
    const res = await create({ username: 'member', password: 'a-good-password' });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'user_exists', status: 409 });
  });

  it('answers 422 listing every invalid field', async () => {
    const res = await create({ username: 'bad name!', password: 'short', role: 'x' });

    expect(res.statusCode).toBe(422);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields.sort()).toEqual(['body.password', 'body.role', 'body.username']);
  });

  it.each([
    ['create', { method: 'POST', url: '/api/v1/users', payload: { username: 'x', password: 'y' } }],
    ['list', { method: 'GET', url: '/api/v1/users' }],
    ['get', { method: 'GET', url: '/api/v1/users/some-id' }],
    ['patch', { method: 'PATCH', url: '/api/v1/users/some-id', payload: { disabled: true } }],
    ['delete', { method: 'DELETE', url: '/api/v1/users/some-id' }],
  ] as const)('answers 403 forbidden when a non-admin tries to %s', async (_case, request) => {
    const res = await t.app.inject({ ...request, headers: member.auth });

    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('lists users a page at a time with the total', async () => {
    const first = await t.app.inject({ url: '/api/v1/users?limit=1', headers: admin.auth });
    const second = await t.app.inject({
      url: '/api/v1/users?limit=1&offset=1',
      headers: admin.auth,
    });

    const total = (await t.app.db.selectFrom('users').select('id').execute()).length;
    expect(first.json()).toMatchObject({
      total,
      limit: 1,
      offset: 0,
      items: [{ username: 'admin' }],
    });
    expect(second.json().items).toHaveLength(1);
    expect(second.json().items[0].username).not.toBe('admin');

    const bad = await t.app.inject({ url: '/api/v1/users?limit=0', headers: admin.auth });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('querystring.limit');
  });

  it('answers 404 user_not_found for an unknown id', async () => {
    const res = await t.app.inject({ url: '/api/v1/users/missing', headers: admin.auth });

    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('user_not_found');
  });

  it('disables a user: their access and refresh tokens stop working', async () => {
    const victim = await addUser(t.app, 'to-disable');

    const res = await patch(victim.id, { disabled: true });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: victim.id, disabled: true });
    const me = await t.app.inject({ url: '/api/v1/users/me', headers: victim.auth });
    expect(me.statusCode).toBe(401);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: victim.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);

    expect((await patch(victim.id, { disabled: false })).json().disabled).toBe(false);
    await expect(login(t.app, 'to-disable', victim.password)).resolves.toBeTruthy();
  });

  it('sets a new password and grants the admin role', async () => {
    const user = await addUser(t.app, 'promoted');

    const res = await patch(user.id, { password: 'a-brand-new-password', is_admin: true });

    expect(res.json()).toMatchObject({ is_admin: true });
    await expect(login(t.app, 'promoted', user.password)).rejects.toThrow(/401/);
    await expect(login(t.app, 'promoted', 'a-brand-new-password')).resolves.toBeTruthy();
  });

  it.each([
    ['disable themselves', { disabled: true }],
    ['drop their own admin role', { is_admin: false }],
  ])('answers 409 self_lockout when an admin tries to %s', async (_case, body) => {
    const res = await patch(admin.id, body);

    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('self_lockout');
  });

  it('deletes a user, but not oneself', async () => {
    const doomed = await addUser(t.app, 'doomed');

    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${doomed.id}`,
      headers: admin.auth,
    });

    expect(res.statusCode).toBe(204);
    const gone = await t.app.inject({ url: `/api/v1/users/${doomed.id}`, headers: admin.auth });
    expect(gone.statusCode).toBe(404);
    const self = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${admin.id}`,
      headers: admin.auth,
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('self_lockout');
  });
});
