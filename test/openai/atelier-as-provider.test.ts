import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiPost, buildTinyModelApp, PYTHON } from '../ai/ai-helpers.js';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';

/**
 * Two real servers: A runs the tiny model on the local engine and serves it
 * at /v1; B uses the openai-compatible engine pointed at A with an API key.
 */
describe('an Atelier instance as another one’s OpenAI-compatible provider', () => {
  let a: TestApp;
  let b: TestApp;
  let alice: FilesUser;
  let keyId: string;
  let model: string;

  beforeAll(async () => {
    a = await buildTinyModelApp({ ATELIER_RATE_LIMIT_OPENAI: '1000' });
    await a.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = a.app.server.address() as { port: number };
    const service = await addUser(a.app, 'service');
    const created = await a.app.inject({
      method: 'POST',
      url: '/api/v1/auth/keys',
      headers: service.auth,
      payload: { name: 'instance B' },
    });
    keyId = created.json().id;
    const models = await fetch(`http://127.0.0.1:${port}/v1/models`, {
      headers: { authorization: `Bearer ${created.json().key}` },
    });
    model = ((await models.json()) as { data: { id: string }[] }).data[0]?.id ?? '';

    b = await buildTestApp({
      ATELIER_ENGINE: 'openai-compatible',
      ATELIER_ENGINE_BASE_URL: `http://127.0.0.1:${port}/v1`,
      ATELIER_ENGINE_API_KEY: created.json().key,
      ATELIER_MODEL: model,
      ATELIER_RATE_LIMIT_REFACTOR: '1000',
    });
    alice = await addFilesUser(b.app, 'alice');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('completes through A', async () => {
    const res = await aiPost(b.app, 'complete', alice.auth, {
      code: 'def add(a, b):\n    return ',
      suffix: '\n',
      language: 'python',
      max_tokens: 12,
      temperature: 0,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'chat', model });
    expect(res.json().usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('explains through A', async () => {
    const res = await aiPost(b.app, 'explain', alice.auth, {
      code: PYTHON,
      max_tokens: 24,
      temperature: 0,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ model });
    expect(typeof res.json().explanation).toBe('string');
    expect(res.json().usage.completion_tokens).toBeGreaterThan(0);
  });

  it('refactors through A, whose grammar keeps the JSON valid', async () => {
    const res = await aiPost(b.app, 'refactor', alice.auth, {
      code: PYTHON,
      max_tokens: 256,
      max_suggestions: 1,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ model });
    expect(Array.isArray(res.json().suggestions)).toBe(true);
    expect(Number.isInteger(res.json().discarded)).toBe(true);
  });

  it('is accounted on both sides', async () => {
    const onA = await a.app.db.selectFrom('usage_events').selectAll().execute();
    const onB = await b.app.db.selectFrom('usage_events').selectAll().execute();

    expect(onB.map((r) => [r.operation, r.outcome])).toEqual([
      ['complete', 'ok'],
      ['explain', 'ok'],
      ['refactor', 'ok'],
    ]);
    expect(onA.length).toBeGreaterThanOrEqual(3);
    expect(new Set(onA.map((r) => r.operation))).toEqual(new Set(['chat']));
    expect(new Set(onA.map((r) => r.api_key_id))).toEqual(new Set([keyId]));
  });
});
