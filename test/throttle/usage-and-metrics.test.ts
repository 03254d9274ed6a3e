import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiPost, buildTinyModelApp } from '../ai/ai-helpers.js';
import { addUser, buildTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { parseMetrics, sampleValue } from './metrics-text.js';

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

describe('usage accounting and metrics after known requests', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  const usages: Record<string, Usage[]> = { alice: [], bob: [] };

  beforeAll(async () => {
    t = await buildTinyModelApp();
    alice = await addUser(t.app, 'alice');
    bob = await addUser(t.app, 'bob');
    admin = await addUser(t.app, 'root', { admin: true });

    const ask = async (user: TestUser, operation: 'complete' | 'explain', code: string) => {
      const res = await aiPost(t.app, operation, user.auth, {
        code,
        max_tokens: 6,
        temperature: 0,
      });
      if (res.statusCode !== 200) throw new Error(res.body);
      usages[user.username]?.push(res.json().usage);
    };
    await ask(alice, 'complete', 'x = ');
    await ask(alice, 'complete', 'def f():\n    ');
    await ask(alice, 'explain', 'print(1)');
    await ask(bob, 'complete', 'y = ');
  });
  afterAll(() => t.close());

  const sum = (list: Usage[], field: keyof Usage) => list.reduce((n, u) => n + u[field], 0);

  it('records one usage event per generation, with tokens, timings and outcome', async () => {
    const rows = await t.app.db
      .selectFrom('usage_events')
      .selectAll()
      .where('user_id', '=', alice.id)
      .orderBy('created_at')
      .execute();

    expect(rows.map((r) => r.operation)).toEqual(['complete', 'complete', 'explain']);
    rows.forEach((row, i) => {
      const usage = usages.alice?.[i] as Usage;
      expect(row).toMatchObject({
        api_key_id: null,
        model: t.app.engine.status().model,
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
        outcome: 'ok',
      });
      expect(row.duration_ms).toBeGreaterThanOrEqual(0);
      expect(row.time_to_first_token_ms).toBeLessThanOrEqual(row.duration_ms);
    });
  });

  it('reports own usage by day and operation, with totals', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/usage', headers: alice.auth });
    const today = new Date().toISOString().slice(0, 10);
    const mine = usages.alice as Usage[];
    const completes = mine.slice(0, 2);

    expect(res.statusCode).toBe(200);
    expect(res.json().to).toBe(today);
    expect(res.json().items).toEqual([
      {
        day: today,
        operation: 'complete',
        requests: 2,
        prompt_tokens: sum(completes, 'prompt_tokens'),
        completion_tokens: sum(completes, 'completion_tokens'),
        total_tokens: sum(completes, 'total_tokens'),
        duration_ms: expect.any(Number),
      },
      {
        day: today,
        operation: 'explain',
        requests: 1,
        prompt_tokens: mine[2]?.prompt_tokens,
        completion_tokens: mine[2]?.completion_tokens,
        total_tokens: mine[2]?.total_tokens,
        duration_ms: expect.any(Number),
      },
    ]);
    expect(res.json().totals).toMatchObject({
      requests: 3,
      prompt_tokens: sum(mine, 'prompt_tokens'),
      completion_tokens: sum(mine, 'completion_tokens'),
      total_tokens: sum(mine, 'total_tokens'),
    });
  });

  it('filters by date range and refuses a reversed one', async () => {
    const past = await t.app.inject({
      method: 'GET',
      url: '/api/v1/usage?from=2001-01-01&to=2001-01-31',
      headers: alice.auth,
    });
    const reversed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/usage?from=2001-02-01&to=2001-01-31',
      headers: alice.auth,
    });

    expect(past.json()).toMatchObject({ from: '2001-01-01', to: '2001-01-31', items: [] });
    expect(past.json().totals.requests).toBe(0);
    expect(reversed.statusCode).toBe(422);
  });

  it('shows administrators everybody’s usage, by user, and nobody else', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/usage',
      headers: admin.auth,
    });
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/usage',
      headers: alice.auth,
    });

    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((i: { username: string; operation: string }) => [i.username, i.operation]),
    ).toEqual([
      ['alice', 'complete'],
      ['alice', 'explain'],
      ['bob', 'complete'],
    ]);
    expect(res.json().items[2]).toMatchObject({ user_id: bob.id, requests: 1 });
    expect(res.json().totals.requests).toBe(4);
    expect(denied.statusCode).toBe(403);
  });

  it('exposes request, token, latency and queue metrics in Prometheus text', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    const samples = parseMetrics(res.body);
    const all = [...(usages.alice as Usage[]), ...(usages.bob as Usage[])];
    const completes = [...(usages.alice as Usage[]).slice(0, 2), ...(usages.bob as Usage[])];
    const route = { method: 'POST', route: '/api/v1/ai/complete', status: '200' };

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sampleValue(samples, 'atelier_http_requests_total', route)).toBe(3);
    expect(sampleValue(samples, 'atelier_http_request_duration_seconds_count', route)).toBe(3);
    expect(
      sampleValue(samples, 'atelier_http_requests_total', {
        method: 'POST',
        route: '/api/v1/auth/token',
        status: '200',
      }),
    ).toBe(3);
    expect(
      sampleValue(samples, 'atelier_tokens_total', { operation: 'complete', kind: 'prompt' }),
    ).toBe(sum(completes, 'prompt_tokens'));
    expect(
      sampleValue(samples, 'atelier_tokens_total', { operation: 'complete', kind: 'completion' }),
    ).toBe(sum(completes, 'completion_tokens'));
    expect(
      sampleValue(samples, 'atelier_generations_total', { operation: 'explain', outcome: 'ok' }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'atelier_time_to_first_token_seconds_count', { operation: 'complete' }),
    ).toBe(3);
    expect(
      sampleValue(samples, 'atelier_generation_duration_seconds_count', { operation: 'complete' }),
    ).toBe(3);
    expect(sampleValue(samples, 'atelier_queue_wait_seconds_count')).toBe(all.length);
    expect(sampleValue(samples, 'atelier_queue_depth')).toBe(0);
    expect(sampleValue(samples, 'atelier_generations_running')).toBe(0);
  });

  it('labels unmatched routes by a fixed name, not the raw URL', async () => {
    await t.app.inject({ method: 'GET', url: '/no/such/thing?x=1' });
    const samples = parseMetrics((await t.app.inject({ method: 'GET', url: '/metrics' })).body);

    expect(samples.some((s) => s.labels.route?.includes('/no/such'))).toBe(false);
    expect(
      sampleValue(samples, 'atelier_http_requests_total', { route: 'unmatched', status: '404' }),
    ).toBe(1);
  });
});

describe('access to /metrics', () => {
  let open: TestApp;
  let guarded: TestApp;

  beforeAll(async () => {
    open = await buildTestApp();
    guarded = await buildTestApp({ ATELIER_METRICS_TOKEN: 'metrics-token-0123456789' });
  });
  afterAll(async () => {
    await open.close();
    await guarded.close();
  });

  it('serves loopback clients only when no token is set', async () => {
    const local = await open.app.inject({ method: 'GET', url: '/metrics' });
    const remote = await open.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '203.0.113.7',
    });

    expect(local.statusCode).toBe(200);
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ code: 'forbidden' });
  });

  it('wants the metrics token, from anywhere, when one is set', async () => {
    const ask = (authorization?: string) =>
      guarded.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '203.0.113.7',
        headers: authorization ? { authorization } : {},
      });

    expect((await ask()).statusCode).toBe(401);
    expect((await ask('Bearer wrong-token')).statusCode).toBe(401);
    expect((await ask('Bearer metrics-token-0123456789')).statusCode).toBe(200);
  });
});
