import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiPost, buildTinyModelApp, PYTHON } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

interface SuggestionBody {
  edit: { search: string; replace: string };
}

/** The model is noise: these assertions hold for whatever suggestions it makes. */
describe('POST /ai/refactor with apply', () => {
  let t: TestApp;
  let user: FilesUser;
  let counter = 0;

  beforeAll(async () => {
    t = await buildTinyModelApp();
    user = await addFilesUser(t.app, 'applier');
  });
  afterAll(() => t.close());

  const newFile = () => postFile(t.app, user, { path: `r${++counter}.py`, content: PYTHON });
  const base = { max_suggestions: 1, max_tokens: 300, temperature: 0 };
  const read = async (id: string) =>
    (await t.app.inject({ url: `/api/v1/files/${id}`, headers: user.auth })).json();

  it('applies the suggestions to the file in one edit when forced past the syntax check', async () => {
    let writes = 0;
    for (const temperature of [0, 0.8, 1.2]) {
      const file = await newFile();

      const res = await aiPost(t.app, 'refactor', user.auth, {
        ...base,
        temperature,
        file_id: file.id,
        apply: true,
        force: true,
        expected_version: 1,
      });

      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const expected = body.suggestions.reduce(
        (code: string, s: SuggestionBody) => code.replace(s.edit.search, () => s.edit.replace),
        PYTHON,
      );
      const written = body.suggestions.length > 0;
      expect(body.applied).toMatchObject({
        indices: body.suggestions.map((_: unknown, i: number) => i),
        written,
        etag: `"${file.id}.${written ? 2 : 1}"`,
        file: { content: expected, version: written ? 2 : 1 },
      });
      expect(await read(file.id)).toMatchObject({ content: expected });
      if (written) writes += 1;
    }
    expect(writes).toBeGreaterThan(0);
  });

  it('either applies cleanly or refuses a syntax error, never half-applies', async () => {
    const file = await newFile();

    const res = await aiPost(t.app, 'refactor', user.auth, {
      ...base,
      file_id: file.id,
      apply: true,
      expected_version: 1,
    });

    expect([200, 422]).toContain(res.statusCode);
    if (res.statusCode === 422) {
      expect(res.json().code).toBe('syntax_error');
      expect(await read(file.id)).toMatchObject({ version: 1, content: PYTHON });
    }
  });

  it('takes If-Match instead of expected_version, and applies only the chosen indices', async () => {
    const file = await newFile();

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ai/refactor',
      headers: { ...user.auth, 'if-match': file.etag },
      payload: { ...base, file_id: file.id, apply: true, apply_indices: [] },
    });

    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().applied).toMatchObject({
      indices: [],
      written: false,
      diff: expect.any(String),
    });
    expect(await read(file.id)).toMatchObject({ version: 1 });
  });

  it.each([
    ['no file_id', { code: PYTHON, apply: true, expected_version: 1 }, 422, 'validation_failed'],
    ['no version', { apply: true }, 428, 'precondition_required'],
    ['a stale version', { apply: true, expected_version: 5 }, 412, 'precondition_failed'],
    [
      'an index past the suggestions',
      { apply: true, expected_version: 1, apply_indices: [9] },
      422,
      'validation_failed',
    ],
  ])('refuses apply with %s', async (_name, extra, status, code) => {
    const file = await newFile();
    const payload = { ...base, ...('code' in extra ? {} : { file_id: file.id }), ...extra };

    const res = await aiPost(t.app, 'refactor', user.auth, payload);

    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await read(file.id)).toMatchObject({ version: 1 });
  });
});
