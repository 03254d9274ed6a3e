import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TextBatcher } from '../../src/ai/text-batcher.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';
import { readEventStream } from '../helpers/sse.js';
import { TestSocket } from '../helpers/test-socket.js';
import { tinyModelPath } from '../helpers/tiny-model.js';

/** Longer than any generation here takes, so only the final flush sends held text. */
const HOLD_MS = 60_000;

describe('TextBatcher', () => {
  it('without an interval, sends what arrived in one turn together, once per turn', async () => {
    const sent: string[] = [];
    const batcher = new TextBatcher((text) => sent.push(text));

    batcher.push('a');
    batcher.push('');
    batcher.push('b');
    expect(sent).toEqual([]);
    await nextTurn();
    batcher.push('c');
    await nextTurn();

    expect(sent).toEqual(['ab', 'c']);
  });

  it('sends the first text at once and holds the rest for the interval', async () => {
    const sent: string[] = [];
    const batcher = new TextBatcher((text) => sent.push(text), HOLD_MS);

    batcher.push('first');
    await nextTurn();
    batcher.push(' second');
    await nextTurn();
    batcher.push(' third');
    await nextTurn();
    expect(sent).toEqual(['first']);

    batcher.flush();
    batcher.flush();
    expect(sent).toEqual(['first', ' second third']);
  });

  it('sends held text on its own once the interval has passed', async () => {
    const sent: string[] = [];
    const batcher = new TextBatcher((text) => sent.push(text), 5);

    batcher.push('a');
    await nextTurn();
    batcher.push('b');
    batcher.push('c');

    await vi.waitUntil(() => sent.length === 2, { timeout: 5000, interval: 5 });
    expect(sent).toEqual(['a', 'bc']);
  });
});

describe('ATELIER_STREAM_FLUSH_MS on the transports', () => {
  let t: TestApp;
  let base: string;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp({
      ATELIER_MODEL: tinyModelPath(),
      ATELIER_ENGINE_PARALLEL: '1',
      ATELIER_ENGINE_CONTEXT_SIZE: '4096',
      ATELIER_STREAM_FLUSH_MS: '10000',
      // Both tests send one greedy request: the second would be a cache hit.
      ATELIER_AI_CACHE_TTL_MS: '0',
    });
    await vi.waitUntil(() => t.app.engine.status().state === 'ready', { timeout: 30_000 });
    base = await listenOnLoopback(t);
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => closeListening(t));

  it('is applied to SSE: the first token at once, the rest together before done', async () => {
    const res = await fetch(`${base}/api/v1/ai/complete`, {
      method: 'POST',
      headers: { ...alice.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x = 1', max_tokens: 40, temperature: 0, stream: true }),
    });

    const { events } = await readEventStream(res);
    const tokens = events.filter((e) => e.event === 'token').map((e) => e.data as { text: string });
    const done = events.at(-1)?.data as {
      completion: string;
      usage: { completion_tokens: number };
    };
    expect(done.usage.completion_tokens).toBe(40);
    expect(tokens).toHaveLength(2);
    expect(tokens.map((e) => e.text).join('')).toBe(done.completion);
  });

  it('is applied to the WebSocket in the same way', async () => {
    const url = `${base.replace('http', 'ws')}/ws/code-completion`;
    const socket = await TestSocket.open(url, undefined, { headers: alice.auth });
    await socket.next({ type: 'ready' });
    socket.send({ type: 'complete', id: 'w', code: 'x = 1', max_tokens: 40, temperature: 0 });

    const done = await socket.next({ type: 'done', id: 'w' });
    expect(socket.of('w').filter((m) => m.type === 'token')).toHaveLength(2);
    expect(socket.textOf('w')).toBe(done.completion);
    await socket.close();
  });

  it('is applied to the OpenAI-compatible stream in the same way', async () => {
    const res = await fetch(`${base}/v1/completions`, {
      method: 'POST',
      headers: { ...alice.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        prompt: 'x = 1',
        max_tokens: 40,
        temperature: 0,
        stream: true,
        stream_options: { include_usage: true },
      }),
    });

    const lines = (await res.text()).split('\n').filter((l) => l.startsWith('data: '));
    expect(lines.at(-1)).toBe('data: [DONE]');
    const chunks = lines.slice(0, -1).map((l) => JSON.parse(l.slice('data: '.length)));
    const texts = chunks.flatMap((c) => c.choices).map((c: { text: string }) => c.text);
    expect(chunks.at(-1).usage.completion_tokens).toBe(40);
    expect(texts.filter((text: string) => text.length > 0)).toHaveLength(2);
  });
});
