import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiPost, buildTinyModelApp, PYTHON } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';
import { readEventStream } from '../helpers/sse.js';
import { parseMetrics, sampleValue } from '../throttle/metrics-text.js';

const EXPLAIN = { code: PYTHON, language: 'python', max_tokens: 8, temperature: 0 };

async function usageOf(t: TestApp, user: FilesUser) {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/usage', headers: user.auth });
  return res.json().totals as { requests: number; total_tokens: number };
}

describe('answer cache (in process)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_AI_CACHE_TTL_MS: '60000' });
  });
  afterAll(() => closeListening(t));

  it('serves a repeated temperature-0 request from the cache, uncharged and recorded as cached', async () => {
    const alice = await addFilesUser(t.app, 'alice');
    const question = { ...EXPLAIN, question: 'What does total return?' };

    const miss = await aiPost(t.app, 'explain', alice.auth, question);
    const before = await usageOf(t, alice);
    const hit = await aiPost(t.app, 'explain', alice.auth, question);
    const after = await usageOf(t, alice);

    expect(miss.statusCode).toBe(200);
    expect(miss.headers['x-cache']).toBe('miss');
    expect(miss.json().cached).toBe(false);
    expect(hit.statusCode).toBe(200);
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.json()).toEqual({ ...miss.json(), cached: true });
    expect(after).toMatchObject({
      requests: before.requests + 1,
      total_tokens: before.total_tokens,
    });
    const rows = await t.app.db.selectFrom('usage_events').selectAll().execute();
    const mine = rows.filter((r) => r.user_id === alice.id).map((r) => r.outcome);
    expect(mine.sort()).toEqual(['cached', 'ok']);
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    const samples = parseMetrics(metrics.body);
    const cacheTotal = (result: string) =>
      sampleValue(samples, 'atelier_answer_cache_total', { operation: 'explain', result });
    expect(cacheTotal('hit')).toBe(1);
    expect(cacheTotal('miss')).toBe(1);
    expect(
      sampleValue(samples, 'atelier_generations_total', {
        operation: 'explain',
        outcome: 'cached',
      }),
    ).toBe(1);
  });

  it('never caches a request with a temperature above 0', async () => {
    const bob = await addFilesUser(t.app, 'bob');
    const warm = { ...EXPLAIN, temperature: 0.7 };

    const first = await aiPost(t.app, 'explain', bob.auth, warm);
    const second = await aiPost(t.app, 'explain', bob.auth, warm);

    for (const res of [first, second]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-cache']).toBe('bypass');
      expect(res.json().cached).toBe(false);
    }
  });

  it('lets a request opt out with cache: false or Cache-Control, and refresh with no-cache', async () => {
    const carol = await addFilesUser(t.app, 'carol');
    const body = { ...EXPLAIN, question: 'Any bugs?' };
    const post = (payload: object, headers: Record<string, string> = {}) =>
      aiPost(t.app, 'explain', { ...carol.auth, ...headers }, payload);

    const optedOut = await post({ ...body, cache: false });
    const noStore = await post(body, { 'cache-control': 'no-store' });
    const stored = await post(body);
    const refreshed = await post(body, { 'cache-control': 'no-cache' });
    const served = await post(body);

    expect(optedOut.headers['x-cache']).toBe('bypass');
    expect(noStore.headers['x-cache']).toBe('bypass');
    expect(stored.headers['x-cache']).toBe('miss');
    expect(refreshed.headers['x-cache']).toBe('bypass');
    expect(refreshed.json().cached).toBe(false);
    expect(served.headers['x-cache']).toBe('hit');
  });

  it('keys a stored file by its content, so a write makes the next request miss', async () => {
    const dave = await addFilesUser(t.app, 'dave');
    const file = await postFile(t.app, dave, { path: 'total.py', content: PYTHON });
    const body = { file_id: file.id, max_tokens: 8, temperature: 0 };

    const first = await aiPost(t.app, 'explain', dave.auth, body);
    const again = await aiPost(t.app, 'explain', dave.auth, body);
    const write = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: dave.auth,
      payload: { content: `${PYTHON}print(total([4]))\n` },
    });
    const afterWrite = await aiPost(t.app, 'explain', dave.auth, body);

    expect(first.headers['x-cache']).toBe('miss');
    expect(again.headers['x-cache']).toBe('hit');
    expect(write.statusCode).toBe(200);
    expect(afterWrite.headers['x-cache']).toBe('miss');
    expect(afterWrite.json().usage.prompt_tokens).toBeGreaterThan(first.json().usage.prompt_tokens);
  });

  it('replays a cached answer to a streamed request as one token event and a cached done event', async () => {
    const erin = await addFilesUser(t.app, 'erin');
    const body = { ...EXPLAIN, question: 'Stream it' };
    const plain = await aiPost(t.app, 'explain', erin.auth, body);
    const base = await listenOnLoopback(t);

    const res = await fetch(`${base}/api/v1/ai/explain`, {
      method: 'POST',
      headers: { ...erin.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, stream: true }),
    });
    const { events } = await readEventStream(res);

    const text = plain.json().explanation as string;
    expect(events).toEqual([
      { event: 'token', data: { text } },
      { event: 'done', data: { ...plain.json(), cached: true } },
    ]);
  });

  it('counts cache hits against the rate limit', async () => {
    const limited = await buildTinyModelApp({
      ATELIER_AI_CACHE_TTL_MS: '60000',
      ATELIER_RATE_LIMIT_EXPLAIN: '3',
    });
    try {
      const frank = await addFilesUser(limited.app, 'frank');
      const statuses: number[] = [];
      const caches: unknown[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await aiPost(limited.app, 'explain', frank.auth, EXPLAIN);
        statuses.push(res.statusCode);
        caches.push(res.headers['x-cache']);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(caches.slice(0, 3)).toEqual(['miss', 'hit', 'hit']);
    } finally {
      await limited.close();
    }
  });
});

describe('answer cache expiry', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_AI_CACHE_TTL_MS: '1500' });
  });
  afterAll(() => t.close());

  it('stops serving an answer once its TTL has passed', async () => {
    const gina = await addFilesUser(t.app, 'gina');

    const first = await aiPost(t.app, 'explain', gina.auth, EXPLAIN);
    const hit = await aiPost(t.app, 'explain', gina.auth, EXPLAIN);
    await new Promise((r) => setTimeout(r, 1600));
    const expired = await aiPost(t.app, 'explain', gina.auth, EXPLAIN);

    expect(first.headers['x-cache']).toBe('miss');
    expect(hit.headers['x-cache']).toBe('hit');
    expect(expired.headers['x-cache']).toBe('miss');
  });
});

describe('answer cache and token budgets', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_AI_CACHE_TTL_MS: '60000', ATELIER_TOKEN_BUDGET: '1' });
  });
  afterAll(() => t.close());

  it('serves hits once the budget is spent, while new generations are refused', async () => {
    const hank = await addFilesUser(t.app, 'hank');

    const spent = await aiPost(t.app, 'explain', hank.auth, EXPLAIN);
    const hit = await aiPost(t.app, 'explain', hank.auth, EXPLAIN);
    const fresh = await aiPost(t.app, 'explain', hank.auth, { ...EXPLAIN, question: 'New?' });

    expect(spent.statusCode).toBe(200);
    expect(hit.statusCode).toBe(200);
    expect(hit.headers['x-cache']).toBe('hit');
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json().code).toBe('token_budget_exceeded');
  });
});
