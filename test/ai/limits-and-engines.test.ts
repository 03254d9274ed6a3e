import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';
import { startOpenAIWireServer } from '../helpers/openai-wire-server.js';
import type { WireServer } from '../helpers/wire-server.js';
import { aiPost, buildTinyModelApp, PYTHON } from './ai-helpers.js';

describe('AI rate limits', () => {
  let t: TestApp;
  let alice: FilesUser;
  let bob: FilesUser;

  beforeAll(async () => {
    t = await buildTinyModelApp({
      ATELIER_RATE_LIMIT_COMPLETE: '2',
      ATELIER_RATE_LIMIT_EXPLAIN: '1',
      ATELIER_RATE_LIMIT_WINDOW_MS: '1500',
    });
    alice = await addFilesUser(t.app, 'alice');
    bob = await addFilesUser(t.app, 'bob');
  });
  afterAll(() => t.close());

  it('limits each operation per user, with Retry-After, and resets after the window', async () => {
    const ask = (user: FilesUser) =>
      aiPost(t.app, 'complete', user.auth, { code: 'x = ', max_tokens: 2 });

    const first = await ask(alice);
    await ask(alice);
    const third = await ask(alice);
    const otherUser = await ask(bob);
    const otherOperation = await aiPost(t.app, 'explain', alice.auth, {
      code: 'x',
      max_tokens: 2,
    });

    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect(first.headers['ratelimit-remaining']).toBe('1');
    expect(third.statusCode).toBe(429);
    expect(third.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(third.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(otherUser.statusCode).toBe(200);
    expect(otherOperation.statusCode).toBe(200);

    await new Promise((r) => setTimeout(r, 1600));
    expect((await ask(alice)).statusCode).toBe(200);
  });

  it('counts an operation once whether it comes through v1 or v2', async () => {
    const carol = await addFilesUser(t.app, 'carol');
    const workspaces = await t.app.inject({ url: '/api/v2/workspaces', headers: carol.auth });
    const personal = workspaces.json().items[0].id;
    const payload = { code: 'x = ', max_tokens: 2 };
    const v2 = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v2/workspaces/${personal}/ai/complete`,
        headers: carol.auth,
        payload,
      });

    const first = await aiPost(t.app, 'complete', carol.auth, payload);
    const second = await v2();
    const third = await v2();

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['ratelimit-remaining']).toBe('0');
    expect(third.statusCode).toBe(429);
  });
});

describe('AI routes without a model', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
    await vi.waitUntil(() => t.app.engine.status().state === 'unavailable', { timeout: 10_000 });
  });
  afterAll(() => t.close());

  it.each(['complete', 'explain', 'refactor'] as const)(
    'answers 503 to %s with what is missing and how to configure it',
    async (operation) => {
      const res = await aiPost(t.app, operation, alice.auth, { code: PYTHON });

      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'engine_unavailable', status: 503 });
      expect(res.json().detail).toMatch(/no-model\.gguf/);
      expect(res.json().detail).toMatch(/ATELIER_MODEL/);
    },
  );
});

describe('AI input checks that need no model', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it('refuses code with a lone surrogate before it reaches the engine', async () => {
    const res = await aiPost(t.app, 'explain', alice.auth, { code: 'x = "\ud800"' });

    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'invalid_content',
      errors: [{ field: 'body.code', message: 'contains a lone surrogate' }],
    });
  });
});

describe('AI routes on an OpenAI-compatible provider', () => {
  let t: TestApp;
  let alice: FilesUser;
  let provider: WireServer;

  beforeAll(async () => {
    provider = await startOpenAIWireServer();
    t = await buildTestApp({
      ATELIER_ENGINE: 'openai-compatible',
      ATELIER_ENGINE_BASE_URL: `${provider.url}/v1`,
      ATELIER_MODEL: 'coder-7b',
      ATELIER_ENGINE_API_KEY: 'sk-test',
    });
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  it('completes through a chat prompt that marks the cursor, unwrapping fences', async () => {
    provider.behaviour.reply = '```python\na + b\n```';

    const res = await aiPost(t.app, 'complete', alice.auth, {
      code: 'def add(a, b):\n    return ',
      suffix: '\n',
      language: 'python',
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ completion: 'a + b', mode: 'chat', model: 'coder-7b' });
    const sent = provider.requests.at(-1) as { messages: { content: string }[] };
    expect(sent.messages.at(-1)?.content).toContain('return <CURSOR>');
  });

  it('asks for structured output and keeps only edits that apply', async () => {
    provider.behaviour.json = {
      suggestions: [
        {
          title: 'Use sum()',
          rationale: 'The loop re-implements sum.',
          search: '    return result',
          replace: '    return sum(items)',
        },
        { title: 'Invented', rationale: 'Not in the code', search: 'nope()', replace: 'x' },
      ],
    };

    const res = await aiPost(t.app, 'refactor', alice.auth, { code: PYTHON, language: 'python' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      discarded: 1,
      suggestions: [
        {
          title: 'Use sum()',
          edit: { search: '    return result', replace: '    return sum(items)' },
          diff: expect.stringContaining('+    return sum(items)'),
        },
      ],
    });
    const sent = provider.requests.at(-1) as { response_format: { type: string } };
    expect(sent.response_format.type).toBe('json_schema');
  });

  it('answers 502 when the provider returns JSON of the wrong shape', async () => {
    provider.behaviour.json = { ideas: [] };

    const res = await aiPost(t.app, 'refactor', alice.auth, { code: PYTHON });

    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('engine_output_invalid');
  });

  it('answers 502 with the provider’s status when it fails', async () => {
    provider.behaviour.failStatus = 500;

    const res = await aiPost(t.app, 'explain', alice.auth, { code: PYTHON });
    provider.behaviour.failStatus = undefined;

    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'engine_failed' });
  });
});
