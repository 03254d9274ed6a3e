import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { aiPost, buildTinyModelApp, PYTHON } from './ai-helpers.js';

describe('POST /api/v1/ai/complete on the tiny model', () => {
  let t: TestApp;
  let alice: FilesUser;
  let bob: FilesUser;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_ENGINE_CONTEXT_SIZE: '8192' });
    alice = await addFilesUser(t.app, 'alice');
    bob = await addFilesUser(t.app, 'bob');
  });
  afterAll(() => t.close());

  it('continues code and reports model, usage and Server-Timing', async () => {
    const res = await aiPost(t.app, 'complete', alice.auth, {
      code: 'def add(a, b):\n    return ',
      language: 'python',
      max_tokens: 8,
    });

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      completion: expect.any(String),
      mode: 'text',
      context_trimmed: false,
      model: 'tiny.gguf',
      finish_reason: expect.stringMatching(/^(stop|length)$/),
      cached: false,
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        total_tokens: body.usage.prompt_tokens + body.usage.completion_tokens,
      },
    });
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
    expect(body.usage.completion_tokens).toBeLessThanOrEqual(8);
    expect(res.headers['server-timing']).toMatch(
      /^queue;dur=[\d.]+;desc="[^"]+", prompt;dur=[\d.]+;desc="[^"]+", generation;dur=[\d.]+/,
    );
  });

  it('fills in the middle with the model’s FIM tokens when a suffix is given', async () => {
    const res = await aiPost(t.app, 'complete', alice.auth, {
      code: 'def add(a, b):\n    return ',
      suffix: '\n\nprint(add(1, 2))\n',
      language: 'python',
      max_tokens: 8,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'infill', model: 'tiny.gguf' });
  });

  it('completes a stored file at a cursor as fill-in-the-middle', async () => {
    const file = await postFile(t.app, alice, { path: 'total.py', content: PYTHON });

    const res = await aiPost(t.app, 'complete', alice.auth, {
      file_id: file.id,
      cursor: { line: 4, column: 9 },
      max_tokens: 8,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json().mode).toBe('infill');
  });

  it('ends with time_limit when max_time_ms runs out, keeping what was generated', async () => {
    // Greedy decoding of this prompt never meets an end token in the tiny model.
    const res = await aiPost(t.app, 'complete', alice.auth, {
      code: 'x = 1',
      max_tokens: 4000,
      max_time_ms: 50,
      temperature: 0,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json().finish_reason).toBe('time_limit');
    expect(res.json().usage.completion_tokens).toBeLessThan(4000);
  });

  it('stops at a stop string', async () => {
    const res = await aiPost(t.app, 'complete', alice.auth, {
      code: 'a',
      max_tokens: 64,
      temperature: 1,
      stop: ['e', 'a', 'i', 'o', ' '],
    });

    expect(res.statusCode).toBe(200);
    expect(res.json().completion).not.toMatch(/[eaio ]/);
  });

  it.each([
    [{ language: 'python' }, 'body.code'],
    [{ code: 'x', file_id: 'f_x' }, 'body.code'],
    [{ code: 'x', max_tokens: 0 }, 'body.max_tokens'],
    [{ code: 'x', temperature: 5 }, 'body.temperature'],
    [{ code: 'x', max_time_ms: 1 }, 'body.max_time_ms'],
    [{ code: 'x', language: 'Py thon' }, 'body.language'],
    [{ code: 'x', stop: [''] }, 'body.stop.0'],
    [{ code: 'x', cursor: { line: 0, column: 1 } }, 'body.cursor.line'],
    [{ code: 'x', extra: true }, 'body.extra'],
  ])('answers 422 to %o naming %s', async (payload, field) => {
    const res = await aiPost(t.app, 'complete', alice.auth, payload);

    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 422 naming the field when the cursor is outside the file', async () => {
    const file = await postFile(t.app, alice, { path: 'short.py', content: 'x = 1\n' });

    const pastLine = await aiPost(t.app, 'complete', alice.auth, {
      file_id: file.id,
      cursor: { line: 9, column: 1 },
    });
    const pastColumn = await aiPost(t.app, 'complete', alice.auth, {
      file_id: file.id,
      cursor: { line: 1, column: 99 },
    });

    expect(pastLine.statusCode).toBe(422);
    expect(pastLine.json().errors).toEqual([
      { field: 'body.cursor.line', message: expect.any(String) },
    ]);
    expect(pastColumn.statusCode).toBe(422);
    expect(pastColumn.json().errors[0].field).toBe('body.cursor.column');
  });

  it('answers 404 for another user’s file exactly as for a missing one', async () => {
    const file = await postFile(t.app, alice, { path: 'secret.py', content: PYTHON });

    const theirs = await aiPost(t.app, 'complete', bob.auth, { file_id: file.id });
    const missing = await aiPost(t.app, 'complete', bob.auth, { file_id: 'f_missing' });

    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toMatchObject({ code: 'file_not_found' });
    expect(missing.json()).toMatchObject({ code: 'file_not_found' });
  });

  it('answers 401 without a token', async () => {
    const res = await aiPost(t.app, 'complete', { authorization: '' }, { code: 'x' });

    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('not_authenticated');
  });
});
