import { applyPatch } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { aiPost, buildTinyModelApp, PYTHON } from './ai-helpers.js';

describe('explain and refactor on the tiny model', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_ENGINE_CONTEXT_SIZE: '2048' });
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it('explains code in Markdown with the usual metadata', async () => {
    const res = await aiPost(t.app, 'explain', alice.auth, {
      code: PYTHON,
      language: 'python',
      question: 'What does total return?',
      max_tokens: 24,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      explanation: expect.any(String),
      model: 'tiny.gguf',
      finish_reason: expect.stringMatching(/^(stop|length)$/),
      cached: false,
      usage: expect.objectContaining({ prompt_tokens: expect.any(Number) }),
    });
    expect(res.headers['server-timing']).toContain('generation;dur=');
  });

  it('explains a stored file by id', async () => {
    const file = await postFile(t.app, alice, { path: 'explain/total.py', content: PYTHON });

    const res = await aiPost(t.app, 'explain', alice.auth, { file_id: file.id, max_tokens: 8 });

    expect(res.statusCode).toBe(200);
  });

  it('returns schema-constrained suggestions whose edits and diffs apply cleanly', async () => {
    const seen = { suggestions: 0 };
    for (const temperature of [0, 0.8, 1.2]) {
      const res = await aiPost(t.app, 'refactor', alice.auth, {
        code: PYTHON,
        language: 'python',
        instructions: 'use sum()',
        max_suggestions: 3,
        max_tokens: 600,
        temperature,
      });

      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ model: 'tiny.gguf', discarded: expect.any(Number) });
      expect(body.suggestions.length).toBeLessThanOrEqual(3);
      for (const s of body.suggestions) {
        expect(PYTHON.split(s.edit.search)).toHaveLength(2);
        const expected = PYTHON.replace(s.edit.search, () => s.edit.replace);
        expect(applyPatch(PYTHON, s.diff)).toBe(expected);
        expect(s.title.length).toBeGreaterThan(0);
      }
      seen.suggestions += body.suggestions.length;
    }
    expect(seen.suggestions).toBeGreaterThan(0);
  });

  it('refuses code that cannot fit the context with room for the answer', async () => {
    const res = await aiPost(t.app, 'explain', alice.auth, {
      code: 'x = 1\n'.repeat(2000),
      max_tokens: 512,
    });

    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'input_too_long' });
    expect(res.json().detail).toMatch(/max_tokens/);
  });

  it('trims a completion’s far context instead of refusing it', async () => {
    const res = await aiPost(t.app, 'complete', alice.auth, {
      code: 'x = 1\n'.repeat(2000),
      suffix: 'y = 2\n'.repeat(500),
      max_tokens: 8,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json().context_trimmed).toBe(true);
  });
});
