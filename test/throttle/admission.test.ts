import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aiPost } from '../ai/ai-helpers.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';
import { startOpenAIWireServer } from '../helpers/openai-wire-server.js';
import type { WireServer } from '../helpers/wire-server.js';

/** A provider whose answers wait until `release()`: generations held open. */
function holdProvider(provider: WireServer) {
  let release = () => {};
  provider.behaviour.hold = new Promise<void>((resolve) => {
    release = resolve;
  });
  return () => {
    provider.behaviour.hold = undefined;
    release();
  };
}

const explain = (t: TestApp, user: FilesUser) =>
  aiPost(t.app, 'explain', user.auth, { code: 'print(1)', max_tokens: 8 });

describe('admission in front of the engine', () => {
  let provider: WireServer;
  let t: TestApp;
  let users: FilesUser[];
  let release = () => {};

  beforeAll(async () => {
    provider = await startOpenAIWireServer();
    t = await buildTestApp({
      ATELIER_ENGINE: 'openai-compatible',
      ATELIER_ENGINE_BASE_URL: `${provider.url}/v1`,
      ATELIER_MODEL: 'coder-7b',
      ATELIER_ENGINE_PARALLEL: '2',
      ATELIER_USER_CONCURRENCY: '1',
      ATELIER_QUEUE_MAX_LENGTH: '1',
      ATELIER_QUEUE_MAX_WAIT_MS: '200',
      ATELIER_RATE_LIMIT_EXPLAIN: '1000',
    });
    users = await Promise.all(['alice', 'bob', 'carol', 'dave'].map((n) => addFilesUser(t.app, n)));
  });
  afterEach(() => release());
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  it('answers 429 concurrency_limited with Retry-After to a user over their limit', async () => {
    const [alice, bob] = users as [FilesUser, FilesUser];
    release = holdProvider(provider);
    const running = explain(t, alice);
    await vi.waitUntil(() => t.app.admission.running === 1);

    const second = await explain(t, alice);
    const otherUser = explain(t, bob);
    await vi.waitUntil(() => t.app.admission.running === 2);
    release();

    expect(second.statusCode).toBe(429);
    expect(second.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(second.json()).toMatchObject({ code: 'concurrency_limited', status: 429 });
    expect(Number(second.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await running).statusCode).toBe(200);
    expect((await otherUser).statusCode).toBe(200);
  });

  it('answers 503 server_busy with Retry-After when the wait runs out or the queue is full', async () => {
    const [alice, bob, carol, dave] = users as [FilesUser, FilesUser, FilesUser, FilesUser];
    release = holdProvider(provider);
    const held = [explain(t, alice), explain(t, bob)];
    await vi.waitUntil(() => t.app.admission.running === 2);

    const waiting = explain(t, carol);
    await vi.waitUntil(() => t.app.admission.waiting === 1);
    const overflow = await explain(t, dave);
    const timedOut = await waiting;
    release();

    for (const res of [overflow, timedOut]) {
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'server_busy', status: 503 });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(overflow.json().detail).toMatch(/queue is full/);
    expect(timedOut.json().detail).toMatch(/within 200 ms/);
    for (const res of await Promise.all(held)) expect(res.statusCode).toBe(200);
    expect(t.app.admission.waiting).toBe(0);
  });
});

describe('waiting for admission', () => {
  let provider: WireServer;
  let t: TestApp;
  let alice: FilesUser;
  let bob: FilesUser;
  let release = () => {};

  beforeAll(async () => {
    provider = await startOpenAIWireServer();
    t = await buildTestApp({
      ATELIER_ENGINE: 'openai-compatible',
      ATELIER_ENGINE_BASE_URL: `${provider.url}/v1`,
      ATELIER_MODEL: 'coder-7b',
      ATELIER_ENGINE_PARALLEL: '1',
      ATELIER_QUEUE_MAX_WAIT_MS: '60000',
      ATELIER_RATE_LIMIT_EXPLAIN: '1000',
    });
    alice = await addFilesUser(t.app, 'alice');
    bob = await addFilesUser(t.app, 'bob');
  });
  afterEach(() => release());
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  it('admits waiting requests in arrival order once a slot frees', async () => {
    release = holdProvider(provider);
    const order: string[] = [];
    const track = <T>(name: string, answer: Promise<T>) =>
      answer.then((r) => {
        order.push(name);
        return r;
      });
    const first = track('alice', explain(t, alice));
    await vi.waitUntil(() => t.app.admission.running === 1);
    const second = track('bob', explain(t, bob));
    // Arrival is at the queue: authentication may take longer for one token.
    await vi.waitUntil(() => t.app.admission.waiting === 1);
    const third = track('alice again', explain(t, alice));
    await vi.waitUntil(() => t.app.admission.waiting === 2);
    release();

    const answers = await Promise.all([first, second, third]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(order).toEqual(['alice', 'bob', 'alice again']);
  });

  it('drops a waiting request from the queue when its client disconnects', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    release = holdProvider(provider);
    const running = explain(t, alice);
    await vi.waitUntil(() => t.app.admission.running === 1);

    const client = new AbortController();
    const gone = fetch(`http://127.0.0.1:${address.port}/api/v1/ai/explain`, {
      method: 'POST',
      headers: { ...bob.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'print(2)', max_tokens: 8 }),
      signal: client.signal,
    }).catch((err: Error) => err);
    await vi.waitUntil(() => t.app.admission.waiting === 1);
    client.abort();
    await vi.waitUntil(() => t.app.admission.waiting === 0);
    const requestsBefore = provider.requests.length;
    release();

    expect((await running).statusCode).toBe(200);
    expect(await gone).toBeInstanceOf(Error);
    await vi.waitUntil(async () => {
      const rows = await t.app.db.selectFrom('usage_events').selectAll().execute();
      return rows.some((r) => r.user_id === bob.id && r.outcome === 'cancelled');
    });
    expect(provider.requests.length).toBe(requestsBefore);
    expect(t.app.admission.running).toBe(0);
  });
});
