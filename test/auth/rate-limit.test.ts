import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';

const LIMIT = 3;
const WINDOW_MS = 1000;

describe('sign-in rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({
      ATELIER_RATE_LIMIT_LOGIN: String(LIMIT),
      ATELIER_RATE_LIMIT_WINDOW_MS: String(WINDOW_MS),
    });
  });
  afterAll(() => t.close());

  const signIn = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ username, password }).toString(),
    });

  it('limits every attempt per address, with Retry-After, until the window ends', async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await signIn('nobody', 'wrong-password', '10.0.0.1');
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
      expect(res.headers['ratelimit-remaining']).toBe(String(LIMIT - i - 1));
    }

    const limited = await signIn('someone-else', 'wrong-password', '10.0.0.1');

    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429, limit: LIMIT });

    await sleep(WINDOW_MS + 100);
    expect((await signIn('nobody', 'wrong-password', '10.0.0.1')).statusCode).toBe(401);
  });

  it('limits failed attempts per username across addresses', async () => {
    const victim = await addUser(t.app, 'victim');
    for (let i = 0; i < LIMIT; i++) {
      const res = await signIn('victim', 'wrong-password', `10.0.1.${i}`);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }

    const limited = await signIn('victim', victim.password, '10.0.2.1');

    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(limited.json().code).toBe('rate_limited');

    await sleep(WINDOW_MS + 100);
    expect((await signIn('victim', victim.password, '10.0.2.2')).statusCode).toBe(200);
  });
});
