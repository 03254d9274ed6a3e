import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

const PATHS = [
  'README.md',
  'docs/guide.md',
  'src/a.py',
  'src/b.py',
  'src/lib/c.ts',
  'src2/d.py',
  'Src/upper.py',
  'tests/test_a.py',
];

describe('listing files', () => {
  let t: TestApp;
  let alice: FilesUser;

  const list = async (query: string) => {
    const res = await t.app.inject({ url: `/api/v1/files${query}`, headers: alice.auth });
    return { res, body: res.json() };
  };
  const pathsOf = (body: { items: Array<{ path: string }> }) => body.items.map((i) => i.path);

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
    for (const path of PATHS) await postFile(t.app, alice, { path, content: path });
  });
  afterAll(() => t.close());

  it('lists every file by path, without content, and private, no-cache', async () => {
    const { res, body } = await list('');

    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(body.total).toBe(PATHS.length);
    expect(pathsOf(body)).toEqual([...PATHS].sort());
    expect(body.next_cursor).toBeUndefined();
    expect(Object.keys(body.items[0]).sort()).toEqual([
      'content_hash',
      'created_at',
      'id',
      'language',
      'path',
      'size',
      'updated_at',
      'version',
    ]);
  });

  it('walks every page with the cursor, each file once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { body } = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.total).toBe(PATHS.length);
      seen.push(...pathsOf(body));
      cursor = body.next_cursor;
      pages++;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toEqual([...PATHS].sort());
  });

  it('pages with limit and offset', async () => {
    const { body } = await list('?limit=2&offset=2&path_prefix=src/');

    expect(pathsOf(body)).toEqual(['src/lib/c.ts']);
    expect(body.total).toBe(3);
  });

  it.each([
    ['a folder prefix', '?path_prefix=src/', ['src/a.py', 'src/b.py', 'src/lib/c.ts']],
    [
      'a plain string prefix',
      '?path_prefix=src',
      ['src/a.py', 'src/b.py', 'src/lib/c.ts', 'src2/d.py'],
    ],
    ['a case-sensitive prefix', '?path_prefix=Src', ['Src/upper.py']],
    ['LIKE wildcards taken literally', '?path_prefix=s%25', []],
    ['a language', '?language=typescript', ['src/lib/c.ts']],
    [
      'prefix and language',
      '?path_prefix=src&language=python',
      ['src/a.py', 'src/b.py', 'src2/d.py'],
    ],
  ])('filters by %s', async (_case, query, expected) => {
    const { res, body } = await list(query);

    expect(res.statusCode).toBe(200);
    expect(pathsOf(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it.each([
    ['limit 0', '?limit=0', 'querystring.limit'],
    ['limit over 200', '?limit=201', 'querystring.limit'],
    ['a negative offset', '?offset=-1', 'querystring.offset'],
    ['an unknown parameter', '?pathPrefix=src', 'querystring.pathPrefix'],
    ['a bad language', '?language=C%2B%2B!', 'querystring.language'],
    ['a forged cursor', '?cursor=bm90LWEtY3Vyc29y', 'querystring.cursor'],
    ['cursor with offset', '?cursor=cDE6YQ&offset=1', 'querystring.cursor'],
  ])('answers 422 to %s', async (_case, query, field) => {
    const { res, body } = await list(query);

    expect(res.statusCode).toBe(422);
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toContainEqual({ field, message: expect.any(String) });
  });

  it('accepts a limit of 200', async () => {
    const { res } = await list('?limit=200');

    expect(res.statusCode).toBe(200);
  });

  it('keeps a cursor valid when files are added before it', async () => {
    const bob = await addFilesUser(t.app, 'bob');
    for (const path of ['b.txt', 'c.txt', 'd.txt'])
      await postFile(t.app, bob, { path, content: '' });
    const listAsBob = (query: string) =>
      t.app.inject({ url: `/api/v1/files${query}`, headers: bob.auth }).then((r) => r.json());

    const first = await listAsBob('?limit=1');
    await postFile(t.app, bob, { path: 'a.txt', content: '' });
    const next = await listAsBob(`?limit=1&cursor=${first.next_cursor}`);

    expect(pathsOf(first)).toEqual(['b.txt']);
    expect(pathsOf(next)).toEqual(['c.txt']);
    expect(next.total).toBe(4);
  });
});
