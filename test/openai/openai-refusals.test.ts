import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';
import { startOpenAIWireServer } from '../helpers/openai-wire-server.js';
import type { WireServer } from '../helpers/wire-server.js';

describe('refusals and failures on the OpenAI-compatible endpoint', () => {
  let provider: WireServer;
  let t: TestApp;
  let baseURL: string;
  let key: string;

  beforeAll(async () => {
    provider = await startOpenAIWireServer();
    t = await buildTestApp({
      ATELIER_ENGINE: 'openai-compatible',
      ATELIER_ENGINE_BASE_URL: `${provider.url}/v1`,
      ATELIER_MODEL: 'coder-7b',
      ATELIER_TOKEN_BUDGET: '5',
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/v1`;
    const alice = await addUser(t.app, 'alice');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/keys',
      headers: alice.auth,
      payload: { name: 'client' },
    });
    key = created.json().key;
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  const chat = (stream: boolean) =>
    fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hello there' }], stream }),
    });

  it('answers a provider failure before the first chunk as a plain error, not a stream', async () => {
    provider.behaviour.failStatus = 500;
    const res = await chat(true);
    provider.behaviour.failStatus = undefined;

    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({
      error: { type: 'server_error', code: 'engine_failed' },
    });
  });

  it('refuses a spent token budget with 429 in OpenAI’s shape, which the client raises', async () => {
    provider.behaviour.reply = 'one two three four five six';
    const client = new OpenAI({ baseURL, apiKey: key, maxRetries: 0 });
    const first = await client.chat.completions.create({
      model: 'coder-7b',
      messages: [{ role: 'user', content: 'count' }],
    });

    const refused = await client.chat.completions
      .create({ model: 'coder-7b', messages: [{ role: 'user', content: 'again' }] })
      .catch((err: unknown) => err);

    expect(first.usage?.total_tokens).toBeGreaterThanOrEqual(5);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    const error = refused as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error.error).toMatchObject({ type: 'rate_limit_error', code: 'token_budget_exceeded' });
    expect(Number(error.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
