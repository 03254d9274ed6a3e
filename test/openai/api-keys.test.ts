import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type TestApp, type TestUser } from '../helpers/app.js';

describe('API keys', () => {
  let t: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  const createKey = (auth: { authorization: string }, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/keys', headers: auth, payload });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const me = (auth: { authorization: string }) =>
    t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: auth });

  it('shows a new key once, lists it without the key, and accepts it as a bearer token', async () => {
    const created = await createKey(alice.auth, { name: 'editor', expires_in_days: 30 });
    const { key, ...shown } = created.json();

    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/auth/keys/${shown.id}`);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(key).toMatch(/^atk_[A-Za-z0-9_-]{43}$/);
    expect(shown).toMatchObject({
      name: 'editor',
      prefix: key.slice(0, 8),
      last4: key.slice(-4),
      last_used_at: null,
    });
    expect(Date.parse(shown.expires_at) - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/keys',
      headers: alice.auth,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(key);
    expect(listed.json().items).toEqual([{ ...shown }]);

    const asKey = await me(bearer(key));
    expect(asKey.statusCode).toBe(200);
    expect(asKey.json()).toMatchObject({ id: alice.id, username: 'alice' });
    const stored = await t.app.db.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(key.slice(4));
    expect(stored.last_used_at).not.toBeNull();
  });

  it('refuses revoked, expired and unknown keys and keys of disabled users with 401', async () => {
    const keyOf = async (name: string) => (await createKey(alice.auth, { name })).json();
    const revoked = await keyOf('revoked');
    const expired = await keyOf('expired');
    const bob = await addUser(t.app, 'bob');
    const bobsKey = (await createKey(bob.auth, { name: 'bob' })).json();

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/keys/${revoked.id}`,
      headers: alice.auth,
    });
    await t.app.db
      .updateTable('api_keys')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();
    await t.app.db.updateTable('users').set({ disabled: 1 }).where('id', '=', bob.id).execute();

    expect(revoke.statusCode).toBe(204);
    const cases = [
      [revoked.key, 'API key revoked'],
      [expired.key, 'API key expired'],
      ['atk_not-a-real-key', 'Unknown API key'],
      [bobsKey.key, 'Token owner is disabled or gone'],
    ] as const;
    for (const [key, detail] of cases) {
      const res = await me(bearer(key));
      expect(res.statusCode, detail).toBe(401);
      expect(res.json(), detail).toMatchObject({ code: 'invalid_token', detail });
    }
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/keys',
      headers: alice.auth,
    });
    expect(listed.json().items.map((k: { name: string }) => k.name)).not.toContain('revoked');
  });

  it('answers 404 when revoking an unknown key or another user’s key', async () => {
    const carol = await addUser(t.app, 'carol');
    const carolsKey = (await createKey(carol.auth, { name: 'carol' })).json();

    for (const id of ['no-such-key', carolsKey.id]) {
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/keys/${id}`,
        headers: alice.auth,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'api_key_not_found' });
    }
    expect((await me(bearer(carolsKey.key))).statusCode).toBe(200);
  });

  it('does not let an API key manage API keys', async () => {
    const { key } = (await createKey(alice.auth, { name: 'tool' })).json();

    const res = await createKey(bearer(key), { name: 'minted by a key' });

    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
  });

  it('validates expiry: one way to give it, and in the future', async () => {
    const past = await createKey(alice.auth, { name: 'x', expires_at: '2001-01-01T00:00:00Z' });
    const both = await createKey(alice.auth, {
      name: 'x',
      expires_at: '2999-01-01T00:00:00Z',
      expires_in_days: 3,
    });

    expect(past.statusCode).toBe(422);
    expect(past.json().errors).toEqual([
      { field: 'body.expires_at', message: 'must be in the future' },
    ]);
    expect(both.statusCode).toBe(422);
    const leap = await createKey(alice.auth, { name: 'x', expires_at: '2030-06-30T23:59:60Z' });
    expect(leap.statusCode).toBe(422);
    expect(leap.json().errors).toEqual([
      { field: 'body.expires_at', message: 'must be a valid date-time' },
    ]);
  });
});
