import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engines/create-engine.js';
import type { Engine } from '../../src/engines/engine.js';
import { AppError } from '../../src/errors/app-error.js';
import { engineConfig, quietLog } from '../helpers/engine-config.js';
import { closedPortUrl } from '../helpers/file-server.js';
import { startOpenAIWireServer } from '../helpers/openai-wire-server.js';
import type { WireServer } from '../helpers/wire-server.js';

const schema = {
  type: 'object',
  properties: { summary: { type: 'string' }, risky: { type: 'boolean' } },
  required: ['summary', 'risky'],
  additionalProperties: false,
};
const chatOptions = { maxTokens: 64, temperature: 0.2 };

function openAIEngine(engineBaseUrl: string | undefined, model?: string) {
  const config = engineConfig({
    engine: 'openai-compatible',
    engineBaseUrl,
    model,
    engineApiKey: 'test-key',
  });
  const engine = createEngine(config, quietLog);
  engine.start();
  return engine;
}

describe('openai-compatible engine', () => {
  let server: WireServer;
  let engine: Engine;

  beforeAll(async () => {
    server = await startOpenAIWireServer();
    engine = openAIEngine(`${server.url}/v1`, 'standin-model');
  });

  beforeEach(() => {
    Object.assign(server.behaviour, {
      reply: 'Hello there',
      jsonText: undefined,
      failStatus: undefined,
      chunkDelayMs: 0,
    });
    server.requests.length = 0;
  });

  afterAll(async () => {
    await engine.close();
    await server.close();
  });

  it('is ready, chat only', () => {
    expect(engine.status()).toEqual({
      engine: 'openai-compatible',
      model: 'standin-model',
      state: 'ready',
    });
    expect(engine.capabilities()).toEqual({ infill: false, textCompletion: false });
  });

  it('streams a chat answer with the system prompt, stop strings and usage', async () => {
    server.behaviour.reply = 'The answer is 42. END of it';
    const chunks: string[] = [];
    const result = await engine.chat(
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is the answer?' },
      ],
      { ...chatOptions, stop: ['END'], onText: (t) => chunks.push(t) },
    );

    expect(result).toMatchObject({
      text: 'The answer is 42. ',
      finishReason: 'stop',
      model: 'standin-model',
      usage: { promptTokens: 6, completionTokens: 4 },
    });
    expect(chunks.join('')).toBe(result.text);
    expect(server.requests[0]).toMatchObject({
      model: 'standin-model',
      stream: true,
      max_tokens: 64,
      temperature: 0.2,
      stop: ['END'],
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is the answer?' },
      ],
    });
  });

  it('reports length when max tokens cut the answer', async () => {
    server.behaviour.reply = 'one two three four five';
    const result = await engine.chat([{ role: 'user', content: 'count' }], {
      ...chatOptions,
      maxTokens: 2,
    });
    expect(result).toMatchObject({ text: 'one two ', finishReason: 'length' });
  });

  it('answers JSON through response_format json_schema', async () => {
    server.behaviour.json = { summary: 'adds a cache', risky: false };
    const result = await engine.chatJson([{ role: 'user', content: 'Summarise' }], {
      ...chatOptions,
      schema,
    });

    expect(result.value).toEqual({ summary: 'adds a cache', risky: false });
    expect(JSON.parse(result.text)).toEqual(result.value);
    expect(server.requests[0]).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { schema } },
    });
  });

  it('gives up with engine_output_invalid when the answer is not JSON', async () => {
    server.behaviour.jsonText = 'Sure! Here is the summary: adds a cache';
    const error = await engine
      .chatJson([{ role: 'user', content: 'Summarise' }], { ...chatOptions, schema })
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'engine_output_invalid', status: 502 });
    expect(server.requests).toHaveLength(2);
  });

  it('stops at maxTimeMs and on abort, keeping the partial text', async () => {
    Object.assign(server.behaviour, { reply: 'word '.repeat(200), chunkDelayMs: 20 });
    const timed = await engine.chat([{ role: 'user', content: 'go' }], {
      maxTokens: 1000,
      temperature: 0,
      maxTimeMs: 200,
    });
    expect(timed.finishReason).toBe('time_limit');
    expect(timed.text.length).toBeGreaterThan(0);
    expect(timed.text.length).toBeLessThan(1000);

    const controller = new AbortController();
    const cancelled = await engine.chat([{ role: 'user', content: 'go' }], {
      maxTokens: 1000,
      temperature: 0,
      signal: controller.signal,
      onText: () => controller.abort(),
    });
    expect(cancelled).toMatchObject({ text: 'word ', finishReason: 'cancelled' });
  });

  it('maps an HTTP 500 to engine_failed with the status in the detail', async () => {
    server.behaviour.failStatus = 500;
    const error = await engine
      .chat([{ role: 'user', content: 'hi' }], chatOptions)
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'engine_failed', status: 502 });
    expect((error as AppError).message).toContain('HTTP 500');
  });

  it('maps a server that is down to engine_unavailable', async () => {
    const down = openAIEngine(await closedPortUrl('v1'), 'standin-model');
    const error = await down
      .chat([{ role: 'user', content: 'hi' }], chatOptions)
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'engine_unavailable', status: 503 });
    expect((error as AppError).message).toContain('ECONNREFUSED');
    await down.close();
  });

  it('is unavailable without a base URL or model, naming the settings', async () => {
    const unset = openAIEngine(undefined, undefined);
    const status = unset.status();
    expect(status.state).toBe('unavailable');
    expect(status.detail).toContain('ATELIER_ENGINE_BASE_URL');
    expect(status.detail).toContain('ATELIER_MODEL');
    const error = await unset
      .chat([{ role: 'user', content: 'hi' }], chatOptions)
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'engine_unavailable' });
    await unset.close();
  });

  it('refuses completion and infill, and estimates tokens', async () => {
    await expect(engine.completeText('x', chatOptions)).rejects.toMatchObject({
      code: 'engine_unavailable',
    });
    await expect(engine.infill('a', 'b', chatOptions)).rejects.toMatchObject({
      code: 'engine_unavailable',
    });
    expect(await engine.countTokens('12345678')).toBe(2);
  });
});
