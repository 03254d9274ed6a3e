import { hash } from '@node-rs/argon2';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_HASH_PARAMS } from '../../src/auth/passwords.js';
import { createUser, findUserByUsername, updateUser } from '../../src/repositories/users.js';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';
import { captureLogs } from '../helpers/logs.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

describe('POST /api/v1/auth/token', () => {
  let t: TestApp;
  const logs = captureLogs();

  beforeAll(async () => {
    t = await buildTestApp({ ATELIER_LOG_LEVEL: 'info' }, { logStream: logs.stream });
  });
  afterAll(() => t.close());

  const signIn = (fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      headers: FORM,
      payload: form(fields),
    });

  it('answers a bearer pair whose JWT carries sub, exp, iat, jti and iss', async () => {
    const alice = await addUser(t.app, 'alice');

    const res = await signIn({
      grant_type: 'password',
      username: 'alice',
      password: alice.password,
    });

    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: t.config.accessTokenTtl,
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43,}$/),
    });
    expect(decodeProtectedHeader(body.access_token).alg).toBe('HS256');
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({ sub: alice.id, iss: 'atelier', aud: 'atelier-api' });
    expect(claims.jti).toEqual(expect.any(String));
    expect(Number(claims.exp) - Number(claims.iat)).toBe(t.config.accessTokenTtl);
  });

  it('accepts the optional OAuth2 form fields scope, client_id and client_secret', async () => {
    await addUser(t.app, 'form-user', { password: 'form-user-pw' });
    const res = await signIn({
      username: 'form-user',
      password: 'form-user-pw',
      scope: 'read write',
      client_id: 'cli',
      client_secret: 'x',
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses unknown users and wrong passwords alike, and logs why', async () => {
    await addUser(t.app, 'bob');

    const wrong = await signIn({ username: 'bob', password: 'not-the-password' });
    const unknown = await signIn({ username: 'nobody', password: 'not-the-password' });

    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      const { request_id: _id, ...body } = res.json();
      expect(body).toEqual({
        type: 'urn:atelier:problem:invalid_credentials',
        title: 'Invalid credentials',
        status: 401,
        detail: 'Incorrect username or password',
        instance: '/api/v1/auth/token',
        code: 'invalid_credentials',
      });
    }
    const failures = logs.lines().filter((line) => line.msg === 'sign-in failed');
    expect(failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 40, username: 'bob', reason: 'wrong_password' }),
        expect.objectContaining({ level: 40, username: 'nobody', reason: 'unknown_user' }),
      ]),
    );
    expect(JSON.stringify(logs.lines())).not.toContain('not-the-password');
  });

  it('refuses a disabled user exactly like a wrong password', async () => {
    const carol = await addUser(t.app, 'carol');
    await updateUser(t.app.db, carol.id, { disabled: true });

    const res = await signIn({ username: 'carol', password: carol.password });

    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it.each([
    ['grant_type other than password', { grant_type: 'client_credentials' }, 'body.grant_type'],
    ['a missing password', { password: undefined }, 'body.password'],
    ['an empty username', { username: '' }, 'body.username'],
  ])('answers 422 for %s', async (_case, change, field) => {
    const fields = { username: 'alice', password: 'whatever-pw', ...change };
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

    const res = await signIn(defined as Record<string, string>);

    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('re-hashes a stored hash made with outdated parameters', async () => {
    const old = await hash('legacy-password', { ...PASSWORD_HASH_PARAMS, memoryCost: 4096 });
    await createUser(t.app.db, { username: 'legacy', passwordHash: old, isAdmin: false });

    const res = await signIn({ username: 'legacy', password: 'legacy-password' });

    expect(res.statusCode).toBe(200);
    const stored = (await findUserByUsername(t.app.db, 'legacy'))?.password_hash;
    expect(stored).not.toBe(old);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const again = await signIn({ username: 'legacy', password: 'legacy-password' });
    expect(again.statusCode).toBe(200);
  });
});
