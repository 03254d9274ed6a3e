import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';
import { captureLogs, type LogCapture } from '../helpers/logs.js';
import { startOpenAIWireServer } from '../helpers/openai-wire-server.js';
import { eventBlocks, readEventStream } from '../helpers/sse.js';
import { tinyModelPath } from '../helpers/tiny-model.js';
import type { WireServer } from '../helpers/wire-server.js';

function postAi(
  base: string,
  operation: string,
  auth: { authorization: string },
  body: object,
  signal?: AbortSignal,
) {
  return fetch(`${base}/api/v1/ai/${operation}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ stream: true, ...body }),
    signal,
  });
}

function tokenText(events: { event: string; data: unknown }[]): string {
  return events
    .filter((e) => e.event === 'token')
    .map((e) => (e.data as { text: string }).text)
    .join('');
}

function requestLines(logs: LogCapture, url: string) {
  return logs.lines().filter((line) => line.msg === 'request completed' && line.url === url);
}

describe('server-sent events on the tiny model', () => {
  let t: TestApp;
  let base: string;
  let alice: FilesUser;
  const logs = captureLogs();

  beforeAll(async () => {
    t = await buildTestApp(
      {
        ATELIER_MODEL: tinyModelPath(),
        ATELIER_ENGINE_PARALLEL: '1',
        ATELIER_ENGINE_CONTEXT_SIZE: '8192',
        ATELIER_RATE_LIMIT_COMPLETE: '1000',
        ATELIER_RATE_LIMIT_EXPLAIN: '1000',
        ATELIER_RATE_LIMIT_REFACTOR: '1000',
        ATELIER_LOG_LEVEL: 'info',
      },
      { logStream: logs.stream },
    );
    await vi.waitUntil(() => t.app.engine.status().state === 'ready', { timeout: 30_000 });
    base = await listenOnLoopback(t);
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => closeListening(t));

  it('streams tokens in order, then done with the answer and usage', async () => {
    const res = await postAi(base, 'complete', alice.auth, {
      code: 'def add(a, b):\n    return ',
      max_tokens: 24,
      temperature: 0,
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    const { events } = await readEventStream(res);
    const done = events.at(-1);
    expect(done?.event).toBe('done');
    expect(events.slice(0, -1).every((e) => e.event === 'token')).toBe(true);
    expect(events.length).toBeGreaterThan(1);
    const answer = done?.data as {
      finish_reason: string;
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    expect(answer).toEqual({
      completion: tokenText(events),
      mode: 'text',
      context_trimmed: false,
      model: 'tiny.gguf',
      finish_reason: expect.stringMatching(/^(stop|length)$/),
      cached: false,
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        total_tokens: answer.usage.prompt_tokens + answer.usage.completion_tokens,
      },
    });
    expect(answer.usage.completion_tokens).toBeGreaterThan(0);
    expect(answer.usage.completion_tokens).toBeLessThanOrEqual(24);

    const [line] = requestLines(logs, '/api/v1/ai/complete').filter((l) => l.reqId === requestId);
    expect(line).toMatchObject({ statusCode: 200, userId: alice.id, finish: answer.finish_reason });
  });

  it('streams an explanation whose tokens make up the final text', async () => {
    const res = await postAi(base, 'explain', alice.auth, { code: 'x = 1', max_tokens: 16 });

    const { events } = await readEventStream(res);
    const done = events.at(-1);
    expect(done?.event).toBe('done');
    expect(done?.data).toMatchObject({ explanation: tokenText(events), model: 'tiny.gguf' });
  });

  it('ends a refactoring with its suggestions', async () => {
    const res = await postAi(base, 'refactor', alice.auth, {
      code: 'x = 1\nprint(x)\n',
      max_tokens: 64,
    });

    const { events } = await readEventStream(res);
    const done = events.at(-1);
    expect(done?.event).toMatch(/^(done|error)$/);
    if (done?.event === 'done') {
      expect(done.data).toMatchObject({ suggestions: expect.any(Array), discarded: 0 });
    } else {
      expect(done?.data).toMatchObject({ code: 'engine_output_invalid', status: 502 });
    }
  });

  it.each([
    ['an unknown file', { file_id: 'nope' }, 404, 'file_not_found'],
    ['an invalid field', { code: 'x', max_tokens: 0 }, 422, 'validation_failed'],
  ])('answers %s with a problem, not a stream', async (_name, body, status, code) => {
    const res = await postAi(base, 'complete', alice.auth, body);

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status, code });
  });

  it('stops generating when the client leaves, freeing the only slot', async () => {
    const leaving = new AbortController();
    // Greedy decoding of this prompt never meets an end token in the tiny model.
    const first = await postAi(
      base,
      'complete',
      alice.auth,
      { code: 'x = 1', max_tokens: 4000, temperature: 0 },
      leaving.signal,
    );
    const firstId = first.headers.get('x-request-id');
    for await (const block of eventBlocks(first)) if (block.startsWith('event: token')) break;
    leaving.abort();

    const second = await postAi(base, 'complete', alice.auth, { code: 'y = 2', max_tokens: 4 });
    const { events } = await readEventStream(second);
    expect(events.at(-1)?.event).toBe('done');

    const lines = requestLines(logs, '/api/v1/ai/complete');
    const firstLine = lines.findIndex((l) => l.reqId === firstId);
    const secondLine = lines.findIndex((l) => l.reqId === second.headers.get('x-request-id'));
    expect(lines[firstLine]).toMatchObject({ finish: 'cancelled', clientGone: true });
    expect(firstLine).toBeLessThan(secondLine);
  });
});

describe('server-sent events without a model', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('answers 503 with a problem before any stream starts', async () => {
    await vi.waitUntil(() => t.app.engine.status().state === 'unavailable', { timeout: 10_000 });
    const bob = await addUser(t.app, 'bob');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ai/explain',
      headers: bob.auth,
      payload: { code: 'x = 1', stream: true },
    });

    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'engine_unavailable' });
  });
});

describe('server-sent events from a remote provider', () => {
  let provider: WireServer;
  let t: TestApp;
  let base: string;
  let carol: FilesUser;

  beforeAll(async () => {
    provider = await startOpenAIWireServer();
    t = await buildTestApp({
      ATELIER_ENGINE: 'openai-compatible',
      ATELIER_ENGINE_BASE_URL: `${provider.url}/v1`,
      ATELIER_MODEL: 'standin-model',
      ATELIER_STREAM_HEARTBEAT_MS: '100',
    });
    base = await listenOnLoopback(t);
    carol = await addFilesUser(t.app, 'carol');
  });
  afterAll(async () => {
    await closeListening(t);
    await provider.close();
  });

  it('sends an error event with a problem body when the provider fails mid-stream', async () => {
    Object.assign(provider.behaviour, {
      reply: 'one two three four five',
      failAfterChunks: 2,
      chunkDelayMs: 10,
    });

    const res = await postAi(base, 'explain', carol.auth, { code: 'x = 1' });

    expect(res.status).toBe(200);
    const { events } = await readEventStream(res);
    const error = events.at(-1);
    expect(events.slice(0, -1).map((e) => e.event)).toContain('token');
    expect('one two ').toContain(tokenText(events));
    expect(error?.event).toBe('error');
    expect(error?.data).toMatchObject({
      type: 'urn:atelier:problem:engine_failed',
      status: 502,
      code: 'engine_failed',
      instance: '/api/v1/ai/explain',
      request_id: res.headers.get('x-request-id'),
    });
  });

  it('keeps an idle stream open with heartbeat comments', async () => {
    Object.assign(provider.behaviour, {
      reply: 'slow words',
      failAfterChunks: undefined,
      chunkDelayMs: 400,
    });

    const res = await postAi(base, 'explain', carol.auth, { code: 'x = 1' });

    const { events, comments } = await readEventStream(res);
    expect(comments).toContain('ping');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { explanation: 'slow words' } });
  });

  it('aborts the upstream request when the client leaves', async () => {
    Object.assign(provider.behaviour, {
      reply: 'word '.repeat(200),
      failAfterChunks: undefined,
      chunkDelayMs: 20,
    });
    const aborted = provider.abortedResponses;
    const leaving = new AbortController();

    const res = await postAi(base, 'explain', carol.auth, { code: 'x = 1' }, leaving.signal);
    for await (const block of eventBlocks(res)) if (block.startsWith('event: token')) break;
    leaving.abort();

    await vi.waitUntil(() => provider.abortedResponses > aborted, { timeout: 10_000 });
  });
});
