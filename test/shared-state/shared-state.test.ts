import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aiPost, PYTHON } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, postFile } from '../helpers/files-user.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';
import { type RedisServer, startRedis } from '../helpers/services.js';
import { eventBlocks } from '../helpers/sse.js';
import { TestSocket } from '../helpers/test-socket.js';
import { buildPair } from './shared-helpers.js';

const EXPLAIN = { code: PYTHON, language: 'python', max_tokens: 8, temperature: 0 };

describe('two instances on one Redis', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await buildPair(redis.url, { ATELIER_RATE_LIMIT_EXPLAIN: '3' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.close();
  });

  it('admits N requests of a rate limit of N in total across both, cache hits included', async () => {
    const alice = await addFilesUser(a.app, 'alice');
    const order = [a, b, a, b, a];

    const answers = [];
    for (const t of order) answers.push(await aiPost(t.app, 'explain', alice.auth, EXPLAIN));

    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 429, 429]);
    expect(answers.slice(0, 3).map((r) => r.headers['x-cache'])).toEqual(['miss', 'hit', 'hit']);
    expect(answers[3]?.json()).toMatchObject({ code: 'rate_limited', limit: 3 });
  });

  it('drops a cached answer on both when a write on one changes the file', async () => {
    const bob = await addFilesUser(a.app, 'bob');
    const file = await postFile(a.app, bob, { path: 'total.py', content: PYTHON });
    const body = { file_id: file.id, max_tokens: 8, temperature: 0 };

    const onA = await aiPost(a.app, 'explain', bob.auth, body);
    const onB = await aiPost(b.app, 'explain', bob.auth, body);
    const write = await b.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: bob.auth,
      payload: { content: `${PYTHON}print(total([5, 6]))\n` },
    });
    const afterWrite = await aiPost(a.app, 'explain', bob.auth, body);

    expect(onA.headers['x-cache']).toBe('miss');
    expect(onB.headers['x-cache']).toBe('hit');
    expect(write.statusCode).toBe(200);
    expect(afterWrite.statusCode).toBe(200);
    expect(afterWrite.headers['x-cache']).toBe('miss');
  });

  it('shows a write on one in the next list read on the other, never a stale 304', async () => {
    const carol = await addFilesUser(a.app, 'carol');
    await postFile(a.app, carol, { path: 'one.py', content: '1\n' });
    const list = (t: TestApp, etag?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/files',
        headers: { ...carol.auth, ...(etag && { 'if-none-match': etag }) },
      });

    const seen = await list(a);
    const etag = seen.headers.etag as string;
    const sameOnB = await list(b, etag);
    await postFile(b.app, carol, { path: 'two.py', content: '2\n' });
    const afterWrite = await list(a, etag);

    expect(sameOnB.statusCode).toBe(304);
    expect(afterWrite.statusCode).toBe(200);
    expect(afterWrite.json().items.map((f: { path: string }) => f.path)).toEqual([
      'one.py',
      'two.py',
    ]);
  });
});

describe('a token budget shared by two instances', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await buildPair(redis.url, { ATELIER_TOKEN_BUDGET: '1' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.close();
  });

  it('refuses on one what was spent on the other, but serves cache hits on both', async () => {
    const dave = await addFilesUser(a.app, 'dave');

    const spentOnA = await aiPost(a.app, 'explain', dave.auth, EXPLAIN);
    const freshOnB = await aiPost(b.app, 'explain', dave.auth, { ...EXPLAIN, question: 'Why?' });
    const hitOnB = await aiPost(b.app, 'explain', dave.auth, EXPLAIN);

    expect(spentOnA.statusCode).toBe(200);
    expect(freshOnB.statusCode).toBe(429);
    expect(freshOnB.json()).toMatchObject({
      code: 'token_budget_exceeded',
      limit: 1,
      used: spentOnA.json().usage.total_tokens,
    });
    expect(hitOnB.statusCode).toBe(200);
    expect(hitOnB.headers['x-cache']).toBe('hit');
  });
});

describe('losing Redis', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let base: string;

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await buildPair(redis.url);
    base = await listenOnLoopback(a);
  });
  afterAll(async () => {
    if (a) await closeListening(a);
    await b?.close();
    await redis?.close();
  });

  const ready = (t: TestApp) => t.app.inject({ method: 'GET', url: '/readyz' });

  it('answers 503 redis_unavailable at once, says so in /readyz and recovers by itself', async () => {
    const erin = await addFilesUser(a.app, 'erin');
    expect((await ready(a)).json().checks.redis).toEqual({ status: 'ok' });
    const socket = await TestSocket.open(`${base.replace('http', 'ws')}/ws/code-completion`, [], {
      headers: erin.auth,
    });
    await socket.next({ type: 'ready' });

    await redis.stop();
    socket.send({ type: 'explain', id: 1, ...EXPLAIN });
    const onSocket = await socket.next({ type: 'error', id: 1 });
    const explain = await aiPost(a.app, 'explain', erin.auth, EXPLAIN);
    const login = await b.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username: 'erin', password: 'whatever-it-is' },
    });
    const readiness = await ready(b);
    const files = await a.app.inject({ method: 'GET', url: '/api/v1/files', headers: erin.auth });

    expect(explain.statusCode).toBe(503);
    expect(explain.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(explain.json()).toMatchObject({ status: 503, code: 'redis_unavailable' });
    expect(login.statusCode).toBe(503);
    expect(login.json().code).toBe('redis_unavailable');
    expect(readiness.statusCode).toBe(503);
    expect(readiness.json()).toMatchObject({
      status: 'not_ready',
      checks: { database: { status: 'ok' }, redis: { status: 'unavailable' } },
    });
    expect(files.statusCode).toBe(200);
    expect(onSocket).toMatchObject({ code: 'redis_unavailable', status: 503 });
    await socket.close();

    await redis.start();
    for (const t of [a, b]) {
      await vi.waitUntil(async () => (await ready(t)).statusCode === 200, {
        timeout: 15_000,
        interval: 100,
      });
    }
    const recovered = await aiPost(b.app, 'explain', erin.auth, EXPLAIN);
    expect(recovered.statusCode).toBe(200);
  });

  it('finishes a generation under way when Redis goes away during it', async () => {
    const fred = await addFilesUser(a.app, 'fred');
    const res = await fetch(`${base}/api/v1/ai/complete`, {
      method: 'POST',
      headers: { ...fred.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x = 1', max_tokens: 2000, temperature: 0.5, stream: true }),
    });

    const blocks: string[] = [];
    for await (const block of eventBlocks(res)) {
      if (blocks.length === 0) await redis.stop();
      blocks.push(block);
    }
    await redis.start();

    expect(blocks.at(-1)).toMatch(/^event: done\n/);
  });
});

describe('starting without Redis', () => {
  it('starts, is not ready while Redis is down, and becomes ready when it comes up', async () => {
    const redis = await startRedis();
    await redis.stop();
    const [a, b] = await buildPair(redis.url);
    try {
      const before = await a.app.inject({ method: 'GET', url: '/readyz' });
      expect(before.statusCode).toBe(503);
      expect(before.json().checks.redis.status).toBe('unavailable');

      await redis.start();
      for (const t of [a, b]) {
        await vi.waitUntil(
          async () => (await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200,
          { timeout: 15_000, interval: 100 },
        );
      }
      const user = await addFilesUser(a.app, 'gus');
      expect((await aiPost(b.app, 'explain', user.auth, EXPLAIN)).statusCode).toBe(200);
    } finally {
      await a.close();
      await b.close();
      await redis.close();
    }
  });
});
