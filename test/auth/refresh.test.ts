import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRefreshToken } from '../../src/auth/refresh-tokens.js';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';
import { captureLogs } from '../helpers/logs.js';

describe('refresh tokens', () => {
  let t: TestApp;
  const logs = captureLogs();

  beforeAll(async () => {
    t = await buildTestApp({ ATELIER_LOG_LEVEL: 'info' }, { logStream: logs.stream });
  });
  afterAll(() => t.close());

  const refresh = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: token },
    });

  const logout = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: { refresh_token: token } });

  it('stores only a hash of the token', async () => {
    const alice = await addUser(t.app, 'alice');
    const rows = await t.app.db.selectFrom('refresh_tokens').selectAll().execute();

    expect(rows.map((r) => r.token_hash)).toContain(hashRefreshToken(alice.refreshToken));
    expect(JSON.stringify(rows)).not.toContain(alice.refreshToken);
  });

  it('exchanges a token for a new pair in the same family', async () => {
    const bob = await addUser(t.app, 'bob');

    const res = await refresh(bob.refreshToken);

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: t.config.accessTokenTtl });
    expect(body.refresh_token).not.toBe(bob.refreshToken);
    const me = await t.app.inject({
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(me.json().username).toBe('bob');

    const rows = await t.app.db
      .selectFrom('refresh_tokens')
      .select(['family_id', 'used_at'])
      .where('token_hash', 'in', [
        hashRefreshToken(bob.refreshToken),
        hashRefreshToken(body.refresh_token),
      ])
      .execute();
    expect(new Set(rows.map((r) => r.family_id)).size).toBe(1);
    expect(rows.filter((r) => r.used_at !== null)).toHaveLength(1);
  });

  it('accepts a form with grant_type=refresh_token', async () => {
    const carol = await addUser(t.app, 'carol');

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: carol.refreshToken,
      }).toString(),
    });

    expect(res.statusCode).toBe(200);
  });

  it('revokes the whole family when a used token comes back, and logs it', async () => {
    const dave = await addUser(t.app, 'dave');
    const first = await refresh(dave.refreshToken);
    const newest = first.json().refresh_token as string;

    const reuse = await refresh(dave.refreshToken);

    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toMatchObject({ code: 'refresh_token_reused', status: 401 });
    const afterwards = await refresh(newest);
    expect(afterwards.statusCode).toBe(401);
    expect(afterwards.json().code).toBe('refresh_token_reused');

    const warning = logs
      .lines()
      .find((line) => line.msg === 'refresh token reused; family revoked');
    expect(warning).toMatchObject({ level: 40, userId: dave.id, familyId: expect.any(String) });
    expect(JSON.stringify(logs.lines())).not.toContain(dave.refreshToken);
  });

  it('lets only one of two concurrent exchanges of the same token succeed', async () => {
    const erin = await addUser(t.app, 'erin');

    const results = await Promise.all([refresh(erin.refreshToken), refresh(erin.refreshToken)]);

    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('answers invalid_refresh_token for unknown and expired tokens', async () => {
    const frank = await addUser(t.app, 'frank');
    await t.app.db
      .updateTable('refresh_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', hashRefreshToken(frank.refreshToken))
      .execute();

    for (const token of ['no-such-token', frank.refreshToken]) {
      const res = await refresh(token);
      expect(res.statusCode, token).toBe(401);
      expect(res.json().code, token).toBe('invalid_refresh_token');
    }
  });

  it('signs out by revoking the family, without an access token', async () => {
    const gina = await addUser(t.app, 'gina');

    const res = await logout(gina.refreshToken);

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const after = await refresh(gina.refreshToken);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_refresh_token');
    expect((await logout('unknown-token')).statusCode).toBe(204);
  });

  it('answers 422 when the refresh token is missing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: {} });

    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'body.refresh_token', message: expect.any(String) },
    ]);
  });
});
