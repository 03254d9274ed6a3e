import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engines/create-engine.js';
import type { Engine } from '../../src/engines/engine.js';
import { AppError } from '../../src/errors/app-error.js';
import { startAnthropicWireServer } from '../helpers/anthropic-wire-server.js';
import { engineConfig, quietLog } from '../helpers/engine-config.js';
import { closedPortUrl } from '../helpers/file-server.js';
import type { WireServer } from '../helpers/wire-server.js';

const chatOptions = { maxTokens: 64, temperature: 0 };

function anthropicEngine(
  engineBaseUrl: string | undefined,
  engineApiKey?: string,
  model = 'claude-standin',
) {
  const config = engineConfig({ engine: 'anthropic', engineBaseUrl, engineApiKey, model });
  const engine = createEngine(config, quietLog);
  engine.start();
  return engine;
}

describe('anthropic engine', () => {
  let server: WireServer;
  let engine: Engine;

  beforeAll(async () => {
    server = await startAnthropicWireServer();
    engine = anthropicEngine(`${server.url}/v1`, 'test-key');
  });

  beforeEach(() => {
    Object.assign(server.behaviour, { reply: 'Hello there', failStatus: undefined });
    server.requests.length = 0;
  });

  afterAll(async () => {
    await engine.close();
    await server.close();
  });

  it('streams a chat answer with the system prompt in `system`', async () => {
    server.behaviour.reply = 'Use a map instead of a list.';
    const chunks: string[] = [];
    const result = await engine.chat(
      [
        { role: 'system', content: 'You review code.' },
        { role: 'user', content: 'How do I speed this up?' },
      ],
      { ...chatOptions, onText: (t) => chunks.push(t) },
    );

    expect(result).toMatchObject({
      text: 'Use a map instead of a list.',
      finishReason: 'stop',
      model: 'claude-standin',
    });
    expect(result.usage.completionTokens).toBe(7);
    expect(chunks.join('')).toBe(result.text);
    expect(server.requests[0]).toMatchObject({
      model: 'claude-standin',
      stream: true,
      max_tokens: 64,
      system: [{ type: 'text', text: 'You review code.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'How do I speed this up?' }] }],
    });
  });

  it('answers JSON through output_config.format', async () => {
    server.behaviour.json = { title: 'Rename variable', safe: true };
    const schema = {
      type: 'object',
      properties: { title: { type: 'string' }, safe: { type: 'boolean' } },
      required: ['title', 'safe'],
    };
    const result = await engine.chatJson([{ role: 'user', content: 'Plan it' }], {
      ...chatOptions,
      schema,
    });

    expect(result.value).toEqual({ title: 'Rename variable', safe: true });
    expect(server.requests[0]).toMatchObject({
      output_config: { format: { type: 'json_schema', schema: { required: ['title', 'safe'] } } },
    });
  });

  it('answers JSON through a forced tool call on models without structured output', async () => {
    const older = anthropicEngine(`${server.url}/v1`, 'test-key', 'claude-3-haiku-20240307');
    server.behaviour.json = { title: 'Extract function', safe: false };
    const schema = {
      type: 'object',
      properties: { title: { type: 'string' }, safe: { type: 'boolean' } },
      required: ['title', 'safe'],
    };
    const result = await older.chatJson([{ role: 'user', content: 'Plan it' }], {
      ...chatOptions,
      schema,
    });

    expect(result.value).toEqual({ title: 'Extract function', safe: false });
    expect(server.requests[0]).toMatchObject({
      tools: [{ input_schema: { required: ['title', 'safe'] } }],
      tool_choice: { type: 'any' },
    });
    await older.close();
  });

  it('maps an HTTP 500 to engine_failed', async () => {
    server.behaviour.failStatus = 500;
    const error = await engine
      .chat([{ role: 'user', content: 'hi' }], chatOptions)
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'engine_failed', status: 502 });
    expect((error as AppError).message).toContain('HTTP 500');
  });

  it('maps a server that is down to engine_unavailable', async () => {
    const down = anthropicEngine(await closedPortUrl('v1'), 'test-key');
    const error = await down
      .chat([{ role: 'user', content: 'hi' }], chatOptions)
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'engine_unavailable', status: 503 });
    await down.close();
  });

  it('is unavailable without an API key, naming the setting', async () => {
    const unset = anthropicEngine(undefined);
    expect(unset.status()).toMatchObject({ state: 'unavailable', engine: 'anthropic' });
    expect(unset.status().detail).toContain('ATELIER_ENGINE_API_KEY');
    await unset.close();
  });
});
