import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engines/create-engine.js';
import type { Engine } from '../../src/engines/engine.js';
import { engineConfig, quietLog, waitForState } from '../helpers/engine-config.js';
import { tinyModelPath } from '../helpers/tiny-model.js';

const greedy = { maxTokens: 24, temperature: 0 };

describe('local engine with the tiny model', () => {
  let engine: Engine;

  beforeAll(async () => {
    engine = createEngine(engineConfig({ model: tinyModelPath(), engineParallel: 2 }), quietLog);
    engine.start();
    await waitForState(engine, ['ready', 'unavailable']);
  });

  afterAll(async () => {
    await engine.close();
  });

  it('is ready and reports infill and text completion', () => {
    expect(engine.status()).toEqual({ engine: 'local', model: 'tiny.gguf', state: 'ready' });
    expect(engine.capabilities()).toEqual({ infill: true, textCompletion: true });
  });

  it('continues text, streaming the same text it returns', async () => {
    const chunks: string[] = [];
    const result = await engine.completeText('function hello() {', {
      ...greedy,
      onText: (text) => chunks.push(text),
    });

    expect(result.text.length).toBeGreaterThan(0);
    expect(chunks.join('')).toBe(result.text);
    expect(result.finishReason).toBe('length');
    expect(result.model).toBe('tiny.gguf');
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(result.usage.completionTokens).toBeGreaterThanOrEqual(greedy.maxTokens);
    for (const ms of Object.values(result.timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic at temperature 0 and stops at a stop string', async () => {
    const first = await engine.completeText('x = 1', greedy);
    const again = await engine.completeText('x = 1', greedy);
    expect(again.text).toBe(first.text);

    const stop = [...first.text.slice(2)].find((c) => /[a-z]/i.test(c));
    expect(stop).toBeDefined();
    const stopped = await engine.completeText('x = 1', { ...greedy, stop: [stop ?? ''] });
    expect(stopped.finishReason).toBe('stop');
    expect(stopped.text).toBe(first.text.slice(0, first.text.indexOf(stop ?? '')));
  });

  it('fills in the middle with the model FIM tokens', async () => {
    const result = await engine.infill(
      'def add(a, b):\n    return ',
      '\n\nprint(add(1, 2))\n',
      greedy,
    );
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('length');
  });

  it('chats with a system prompt', async () => {
    const result = await engine.chat(
      [
        { role: 'system', content: 'You are a terse assistant.' },
        { role: 'user', content: 'Say hello.' },
      ],
      greedy,
    );
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.usage.promptTokens).toBeGreaterThan(10);
  });

  it('answers JSON that parses and satisfies the schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { enum: ['bug', 'feature'] },
        urgent: { type: 'boolean' },
        title: { type: 'string', maxLength: 12 },
      },
      required: ['kind', 'urgent', 'title'],
    };
    const result = await engine.chatJson([{ role: 'user', content: 'Classify: it crashes' }], {
      maxTokens: 80,
      temperature: 0,
      schema,
    });

    const value = result.value as { kind: string; urgent: boolean; title: string };
    expect(JSON.parse(result.text)).toEqual(value);
    expect(['bug', 'feature']).toContain(value.kind);
    expect(typeof value.urgent).toBe('boolean');
    expect(typeof value.title).toBe('string');
    // JSON Schema's maxLength counts code points, not UTF-16 units.
    expect([...value.title].length).toBeLessThanOrEqual(12);
  });

  it('counts tokens with the model tokenizer', async () => {
    const short = await engine.countTokens('hello world');
    const long = await engine.countTokens('hello world, hello world, hello world');
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short);
    expect(await engine.countTokens('hello world')).toBe(short);
  });

  it('stops at maxTimeMs and keeps the partial text', async () => {
    // Greedy decoding of this prompt never meets an end token in the tiny model.
    const result = await engine.completeText('x = 1', {
      maxTokens: 100_000,
      temperature: 0,
      maxTimeMs: 300,
    });
    expect(result.finishReason).toBe('time_limit');
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    expect(result.usage.completionTokens).toBeLessThan(100_000);
  });

  it('stops when the signal aborts and keeps the partial text', async () => {
    const controller = new AbortController();
    const result = await engine.completeText('x = 1', {
      maxTokens: 100_000,
      temperature: 0,
      signal: controller.signal,
      onText: () => controller.abort(),
    });
    expect(result.finishReason).toBe('cancelled');
    expect(result.text.length).toBeGreaterThan(0);
  });

  it('returns cancelled without generating when the signal is already aborted', async () => {
    const result = await engine.completeText('x', { ...greedy, signal: AbortSignal.abort() });
    expect(result).toMatchObject({ text: '', finishReason: 'cancelled' });
  });

  it('queues requests beyond engineParallel and finishes them all', async () => {
    const prompts = ['a', 'b', 'c', 'd', 'e'].map((p) => `${p} is for`);
    const results = await Promise.all(
      prompts.map((p) => engine.completeText(p, { maxTokens: 48, temperature: 0 })),
    );

    expect(results.map((r) => r.finishReason)).toEqual(Array(5).fill('length'));
    const waited = results.filter((r) => r.timings.queueMs > 0);
    expect(waited.length).toBeGreaterThanOrEqual(3);

    const after = await engine.chatJson([{ role: 'user', content: 'ok?' }], {
      maxTokens: 20,
      temperature: 0,
      schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
    });
    expect(typeof (after.value as { ok: unknown }).ok).toBe('boolean');
  });
});
