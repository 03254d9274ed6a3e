import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyModelApp } from '../ai/ai-helpers.js';
import { addUser, type TestApp } from '../helpers/app.js';

/** Serves the tiny model over HTTP and returns an OpenAI client holding an API key. */
async function serveWithKey(t: TestApp) {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as { port: number };
  const alice = await addUser(t.app, 'alice');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/keys',
    headers: alice.auth,
    payload: { name: 'openai client' },
  });
  const { key, id } = created.json();
  const baseURL = `http://127.0.0.1:${port}/v1`;
  return { client: new OpenAI({ baseURL, apiKey: key, maxRetries: 0 }), baseURL, keyId: id };
}

describe('the OpenAI-compatible endpoint, through the openai package', () => {
  let t: TestApp;
  let client: OpenAI;
  let baseURL: string;
  let keyId: string;
  let model: string;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_TOKEN_BUDGET: '0' });
    ({ client, baseURL, keyId } = await serveWithKey(t));
    model = t.app.engine.status().model;
  });
  afterAll(() => t.close());

  it('lists the one served model', async () => {
    const models = await client.models.list();

    expect(models.data.map((m) => m.id)).toEqual([model]);
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'atelier' });
  });

  it('answers a chat completion with usage', async () => {
    const answer = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: 'You write Python.' },
        { role: 'user', content: 'Write a function adding two numbers.' },
      ],
      max_tokens: 12,
      temperature: 0,
    });

    expect(answer).toMatchObject({ object: 'chat.completion', model });
    expect(answer.id).toMatch(/^chatcmpl-/);
    expect(answer.choices).toHaveLength(1);
    expect(answer.choices[0]?.message.role).toBe('assistant');
    expect(['stop', 'length']).toContain(answer.choices[0]?.finish_reason);
    const usage = answer.usage as OpenAI.CompletionUsage;
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    expect(usage.completion_tokens).toBeGreaterThan(0);
    expect(usage.completion_tokens).toBeLessThanOrEqual(12);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it('streams chat chunks that add up to the unstreamed answer, then usage', async () => {
    const request = {
      model,
      messages: [{ role: 'user' as const, content: 'Say something about loops.' }],
      max_tokens: 16,
      temperature: 0,
    };
    const whole = await client.chat.completions.create(request);

    const stream = await client.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    const finishes = chunks.map((c) => c.choices[0]?.finish_reason).filter(Boolean);
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(finishes).toEqual([whole.choices[0]?.finish_reason]);
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toEqual(whole.usage);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  it('ends the raw stream with data: [DONE]', async () => {
    const res = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${client.apiKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        messages: [{ role: 'user', content: 'hi' }],
        max_tokens: 4,
        stream: true,
      }),
    });
    const body = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('completes text, plain and streamed, and fills in the middle with a suffix', async () => {
    const prompt = 'def add(a, b):\n    return ';
    const plain = await client.completions.create({ model, prompt, max_tokens: 8, temperature: 0 });
    const stream = await client.completions.create({
      model,
      prompt,
      max_tokens: 8,
      temperature: 0,
      stream: true,
    });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.text ?? '';
    const infill = await client.completions.create({
      model,
      prompt,
      suffix: '\n\nprint(add(1, 2))\n',
      max_tokens: 8,
      temperature: 0,
    });

    expect(plain).toMatchObject({ object: 'text_completion', model });
    expect(plain.usage?.completion_tokens).toBeLessThanOrEqual(8);
    expect(streamed).toBe(plain.choices[0]?.text);
    expect(infill.choices).toHaveLength(1);
    expect(infill.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it('accounts the requests to the API key', async () => {
    const rows = await t.app.db.selectFrom('usage_events').selectAll().execute();

    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.api_key_id))).toEqual(new Set([keyId]));
    expect(new Set(rows.map((r) => r.operation))).toEqual(new Set(['chat', 'text_completion']));
  });

  it('counts streamed answers in the HTTP metrics like the others', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    const line = res.body
      .split('\n')
      .find((l) =>
        l.startsWith(
          'atelier_http_requests_total{method="POST",route="/v1/chat/completions",status="200"}',
        ),
      );

    // Two plain chat answers and two streamed ones so far.
    expect(line?.split(' ').at(-1)).toBe('4');
  });

  it('reports errors in OpenAI’s shape, which the client turns into its error classes', async () => {
    const stranger = new OpenAI({ baseURL, apiKey: 'atk_wrong', maxRetries: 0 });

    const auth = await stranger.models.list().catch((err: unknown) => err);
    const invalid = await client.chat.completions
      .create({ model, messages: [], max_tokens: 4 })
      .catch((err: unknown) => err);

    expect(auth).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((auth as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
      message: 'Unknown API key',
      type: 'authentication_error',
      code: 'invalid_token',
    });
    expect(invalid).toBeInstanceOf(OpenAI.UnprocessableEntityError);
    expect((invalid as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'validation_failed',
      param: 'messages',
    });
  });

  it('constrains chat output to a JSON schema with response_format', async () => {
    const schema = {
      type: 'object',
      properties: { answer: { type: 'string' } },
      required: ['answer'],
      additionalProperties: false,
    };
    const answer = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Answer in JSON.' }],
      max_tokens: 64,
      temperature: 0,
      response_format: { type: 'json_schema', json_schema: { name: 'reply', schema } },
    });

    const parsed = JSON.parse(answer.choices[0]?.message.content ?? '');
    expect(typeof parsed.answer).toBe('string');
  });
});
