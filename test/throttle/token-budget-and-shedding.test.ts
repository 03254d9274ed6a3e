import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aiPost, buildTinyModelApp } from '../ai/ai-helpers.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';

describe('token budgets', () => {
  let t: TestApp;
  let alice: FilesUser;
  let bob: FilesUser;

  beforeAll(async () => {
    t = await buildTinyModelApp({
      ATELIER_TOKEN_BUDGET: '20',
      ATELIER_RATE_LIMIT_WINDOW_MS: '1500',
    });
    alice = await addFilesUser(t.app, 'alice');
    bob = await addFilesUser(t.app, 'bob');
  });
  afterAll(() => t.close());

  const explain = (user: FilesUser) =>
    aiPost(t.app, 'explain', user.auth, { code: 'print(1)', max_tokens: 4, temperature: 0 });

  it('refuses with 429 and Retry-After once spent, per user, and resets with the window', async () => {
    const first = await explain(alice);
    const refused = await explain(alice);
    const otherUser = await explain(bob);

    expect(first.statusCode).toBe(200);
    expect(first.json().usage.total_tokens).toBeGreaterThanOrEqual(20);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      code: 'token_budget_exceeded',
      limit: 20,
      used: first.json().usage.total_tokens,
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(otherUser.statusCode).toBe(200);
    const rows = await t.app.db.selectFrom('usage_events').selectAll().execute();
    expect(rows.filter((r) => r.user_id === alice.id)).toHaveLength(1);

    await new Promise((r) => setTimeout(r, 1600));
    expect((await explain(alice)).statusCode).toBe(200);
  });
});

describe('load shedding', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    // A heap limit no process meets: the server is under pressure from the first sample on.
    t = await buildTestApp({ ATELIER_PRESSURE_MAX_HEAP_BYTES: '1' });
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it('answers 503 server_overloaded with Retry-After and a problem body, sparing health and metrics', async () => {
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: alice.auth });
    await vi.waitUntil(async () => (await me()).statusCode === 503, {
      timeout: 10_000,
      interval: 100,
    });

    const shed = await me();
    const openai = await t.app.inject({ method: 'GET', url: '/v1/models', headers: alice.auth });

    expect(shed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(shed.json()).toMatchObject({ code: 'server_overloaded', status: 503 });
    expect(shed.json().detail).toMatch(/heapUsedBytes/);
    expect(Number(shed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(openai.statusCode).toBe(503);
    expect(openai.json().error).toMatchObject({ code: 'server_overloaded', type: 'server_error' });
    for (const url of ['/healthz', '/metrics']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });
});
