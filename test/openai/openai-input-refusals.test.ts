import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyModelApp } from '../ai/ai-helpers.js';
import { addUser, type TestApp } from '../helpers/app.js';

describe('client mistakes on the OpenAI-compatible endpoint', () => {
  let t: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_RATE_LIMIT_OPENAI: '1000' });
    auth = (await addUser(t.app, 'olga')).auth;
  });
  afterAll(() => t.close());

  const chat = (payload: object, headers: Record<string, string> = auth) =>
    t.app.inject({ method: 'POST', url: '/v1/chat/completions', headers, payload });
  const messages = [{ role: 'user', content: 'hi' }];

  it('asks for credentials before it looks at the body', async () => {
    const chatRes = await chat({}, {});
    const completion = await t.app.inject({ method: 'POST', url: '/v1/completions', payload: {} });

    expect(chatRes.statusCode).toBe(401);
    expect(completion.statusCode).toBe(401);
  });

  it('refuses tool definitions instead of ignoring them', async () => {
    const tool = { type: 'function', function: { name: 'lookup', parameters: {} } };

    const withTools = await chat({ messages, tools: [tool] });
    const withChoice = await chat({ messages, tool_choice: 'auto' });
    const empty = await chat({ messages, tools: [], tool_choice: 'none', max_tokens: 2 });

    expect(withTools.statusCode).toBe(422);
    expect(withChoice.statusCode).toBe(422);
    expect(empty.statusCode).toBe(200);
  });

  it('answers 422 to a JSON schema the local engine cannot turn into a grammar', async () => {
    const schema = { type: 'array', items: { type: 'string' }, minItems: 20_000 };
    const format = { type: 'json_schema', json_schema: { name: 'many', schema } };

    const res = await chat({ messages, max_tokens: 4, response_format: format });

    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'unsupported_json_schema' });
  });

  it.each([
    ['a recursive reference', { $ref: '#' }, '"#"'],
    ['a missing definition', { $ref: '#/$defs/nope' }, '"#/$defs/nope"'],
    ['a pattern', { type: 'string', pattern: '^a+$' }, '"pattern"'],
    ['numeric bounds', { type: 'integer', minimum: 5, maximum: 7 }, '"minimum"'],
    ['an empty enum', { enum: [] }, 'empty "enum"'],
    ['an unknown type', { type: 'bogus' }, 'not a valid JSON schema'],
  ])('answers 422 to a schema with %s rather than ignoring it', async (_, schema, why) => {
    const format = { type: 'json_schema', json_schema: { name: 'x', schema } };

    const res = await chat({ messages, max_tokens: 8, response_format: format });

    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'unsupported_json_schema' });
    expect(res.json().error.message).toContain(why);
  });

  it('keeps answers to a schema it can enforce within it', async () => {
    const schema = {
      type: 'object',
      properties: { tag: { enum: ['a', 'b'] }, n: { type: 'integer' } },
      required: ['tag', 'n'],
      additionalProperties: false,
    };
    const format = { type: 'json_schema', json_schema: { name: 'tagged', schema } };

    const res = await chat({ messages, max_tokens: 40, temperature: 0, response_format: format });

    expect(res.statusCode, res.body).toBe(200);
    const answer = JSON.parse(res.json().choices[0].message.content);
    expect(['a', 'b']).toContain(answer.tag);
    expect(Number.isInteger(answer.n)).toBe(true);
  });
});
