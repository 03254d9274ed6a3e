import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile, type StoredFile } from '../helpers/files-user.js';

const PYTHON = [
  'def total(items):',
  '    result = 0',
  '    for item in items:',
  '        result = result + item',
  '    return result',
  '',
  'print(total([1, 2, 3]))',
  '',
].join('\n');

describe('POST /files/{id}/edits', () => {
  let t: TestApp;
  let user: FilesUser;
  let counter = 0;

  beforeAll(async () => {
    t = await buildTestApp();
    user = await addFilesUser(t.app, 'editor');
  });
  afterAll(() => t.close());

  const newFile = (content = PYTHON, ext = 'py') =>
    postFile(t.app, user, { path: `f${++counter}.${ext}`, content });

  const edit = (file: StoredFile, payload: object, headers: object = {}, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${file.id}/edits${query}`,
      headers: { ...user.auth, 'if-match': file.etag, ...headers },
      payload,
    });

  const read = async (file: StoredFile) =>
    (await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: user.auth })).json();

  it('applies search/replace edits in order and returns the file, its ETag and the diff', async () => {
    const file = await newFile();

    const res = await edit(file, {
      edits: [
        { search: '    result = 0\n', replace: '    result = 0.0\n' },
        { search: 'result = result + item', replace: 'result += item' },
      ],
    });

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dry_run: false, written: true, file: { version: 2 } });
    expect(body.file.content).toBe(
      PYTHON.replace('result = 0\n', 'result = 0.0\n').replace(
        'result = result + item',
        'result += item',
      ),
    );
    expect(res.headers.etag).toBe(`"${file.id}.2"`);
    expect(body.diff).toContain('-        result = result + item\n+        result += item');
    expect(body.content_hash).toBe(body.file.content_hash);
  });

  it('applies a unified diff', async () => {
    const file = await newFile();
    const diff = [
      '--- a/f.py',
      '+++ b/f.py',
      '@@ -4,2 +4,2 @@',
      '         result = result + item',
      '-    return result',
      '+    return int(result)',
      '',
    ].join('\n');

    const res = await edit(file, { diff });

    expect(res.statusCode).toBe(200);
    expect(res.json().file.content).toContain('    return int(result)\n');
  });

  it('answers 409 with the edit index and the closest region, changing nothing', async () => {
    const file = await newFile();

    const res = await edit(file, {
      edits: [
        { search: 'def total(items):', replace: 'def total(values):' },
        { search: '    for itm in items:\n        result = result + itm\n', replace: 'x' },
      ],
    });

    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body).toMatchObject({ code: 'edit_conflict', edit_index: 1 });
    expect(body.candidate).toMatchObject({
      start_line: 3,
      end_line: 4,
      text: '    for item in items:\n        result = result + item',
    });
    expect(body.candidate.similarity).toBeGreaterThan(0.8);
    expect(await read(file)).toMatchObject({ version: 1, content: PYTHON });
  });

  it('answers 409 when a search text occurs more than once', async () => {
    const file = await newFile();

    const res = await edit(file, { edits: [{ search: 'result', replace: 'acc' }] });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'edit_conflict', edit_index: 0 });
    expect(res.json().detail).toContain('occurs 4 times');
  });

  it('answers 409 naming the hunk when a diff does not fit', async () => {
    const file = await newFile();
    const diff = '--- a/f.py\n+++ b/f.py\n@@ -1,1 +1,1 @@\n-def totals(items):\n+def t(i):\n';

    const res = await edit(file, { diff });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'edit_conflict',
      edit_index: 0,
      candidate: { start_line: 1, text: 'def total(items):' },
    });
  });

  it('returns the diff and resulting hash on a dry run without writing', async () => {
    const file = await newFile();

    const res = await edit(
      file,
      { edits: [{ search: 'print(total([1, 2, 3]))', replace: 'print(total([4]))' }] },
      {},
      '?dry_run=true',
    );

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dry_run: true, written: false });
    expect(body.file).toBeUndefined();
    expect(body.diff).toContain('+print(total([4]))');
    expect(body.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers.etag).toBe(file.etag);
    expect(await read(file)).toMatchObject({ version: 1, content: PYTHON });
  });

  it('refuses an edit that breaks the syntax with 422 pointing at the error', async () => {
    const file = await newFile();

    const res = await edit(file, {
      edits: [{ search: 'print(total([1, 2, 3]))', replace: 'print(total([1, 2, 3))' }],
    });

    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({
      code: 'syntax_error',
      line: 7,
      snippet: 'print(total([1, 2, 3))',
    });
    expect(body.column).toBeGreaterThan(0);
    expect(body.detail).toContain('line 7');
    expect(body.syntax_errors.length).toBeGreaterThan(0);
    expect(await read(file)).toMatchObject({ version: 1 });
  });

  it('applies a syntax-breaking edit when forced', async () => {
    const file = await newFile();

    const res = await edit(file, {
      edits: [{ search: 'def total(items):', replace: 'def total(items:' }],
      force: true,
    });

    expect(res.statusCode).toBe(200);
    expect(res.json().file.content).toContain('def total(items:\n');
  });

  it('lets edits through in a file that was already broken, and in plain text', async () => {
    const broken = await newFile('def f(:\n    pass\n');
    const text = await newFile('notes (unbalanced\n', 'md');

    const a = await edit(broken, { edits: [{ search: 'pass', replace: 'return 1' }] });
    const b = await edit(text, { edits: [{ search: 'notes', replace: 'more notes' }] });

    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
  });

  it('answers 428 without If-Match and 412 with a stale one', async () => {
    const file = await newFile();
    const payload = { edits: [{ search: 'def total', replace: 'def sum_all' }] };

    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${file.id}/edits`,
      headers: user.auth,
      payload,
    });
    const stale = await edit(file, payload, { 'if-match': `"${file.id}.7"` });

    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe('precondition_required');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    expect(await read(file)).toMatchObject({ version: 1 });
  });

  it('applies nothing when a later edit fails', async () => {
    const file = await newFile();

    const res = await edit(file, {
      edits: [
        { search: 'def total(items):', replace: 'def total(values):' },
        { search: 'not in the file', replace: 'x' },
      ],
    });

    expect(res.statusCode).toBe(409);
    expect(await read(file)).toMatchObject({ version: 1, content: PYTHON });
  });

  it('answers 409 at once to a hunk that starts past the end of the file', async () => {
    const file = await newFile();
    const diff =
      '--- a/f.py\n+++ b/f.py\n@@ -999999999,1 +999999999,1 @@\n' +
      '-def total(items):\n+def t(items):\n';

    const res = await edit(file, { diff }, {}, '?dry_run=true');

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'edit_conflict', edit_index: 0 });
    expect(res.json().detail).toContain('past the end of the file');
    expect((await read(file)).version).toBe(file.version);
  });

  it('answers 422 to hunks without line numbers and to diffs that create or delete', async () => {
    const file = await newFile();
    const bare = '--- a/f.py\n+++ b/f.py\n@@ @@\n-def total(items):\n+def t(items):\n';
    const deletion = '--- a/f.py\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-def total(items):\n';
    const creation = '--- /dev/null\n+++ b/f.py\n@@ -0,0 +1,1 @@\n+x = 1\n';

    for (const diff of [bare, deletion, creation]) {
      const res = await edit(file, { diff });
      expect(res.statusCode, diff).toBe(422);
      expect(res.json().code).toBe('invalid_diff');
    }
    expect((await read(file)).content).toBe(PYTHON);
  });

  it('answers 422 to a diff touching several files, and to a body with neither form', async () => {
    const file = await newFile();
    const two = '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n';

    const multi = await edit(file, { diff: two });
    const neither = await edit(file, { force: true });

    expect(multi.statusCode).toBe(422);
    expect(multi.json().code).toBe('invalid_diff');
    expect(neither.statusCode).toBe(422);
    expect(neither.json().code).toBe('validation_failed');
  });

  it('answers 404 for another user’s file', async () => {
    const file = await newFile();
    const other = await addFilesUser(t.app, 'intruder');

    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${file.id}/edits`,
      headers: { ...other.auth, 'if-match': file.etag },
      payload: { edits: [{ search: 'def', replace: 'async def' }] },
    });

    expect(res.statusCode).toBe(404);
  });
});
