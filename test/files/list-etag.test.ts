import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

describe('conditional requests on file lists and versions', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...alice.auth, ...headers } });

  it('answers 304 to an unchanged list and 200 with the write after any write', async () => {
    const a = await postFile(t.app, alice, { path: 'a.py', content: 'a = 1\n' });
    const urls = ['/api/v1/files', `/api/v1/files/${a.id}/versions`, '/api/v1/trash'];

    for (const url of urls) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      const unchanged = await get(url, { 'if-none-match': etag });

      expect(first.statusCode, url).toBe(200);
      expect(etag, url).toMatch(/^W\/"[\w-]+"$/);
      expect(unchanged.statusCode, url).toBe(304);
      expect(unchanged.body, url).toBe('');
      expect(unchanged.headers.etag, url).toBe(etag);
    }

    const before = await Promise.all(urls.map(async (url) => (await get(url)).headers.etag));
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/files/${a.id}`,
      headers: alice.auth,
    });
    expect(del.statusCode).toBe(204);

    for (const [i, url] of urls.entries()) {
      const after = await get(url, { 'if-none-match': before[i] as string });
      expect(after.statusCode, url).toBe(200);
      expect(after.headers.etag, url).not.toBe(before[i]);
    }
    expect((await get('/api/v1/trash')).json().items.map((f: { id: string }) => f.id)).toEqual([
      a.id,
    ]);
  });

  it('matches any tag of a list, weakly, and reads a version by its own hash', async () => {
    const b = await postFile(t.app, alice, { path: 'b.py', content: 'b = 2\n' });
    const url = `/api/v1/files/${b.id}/versions/1`;
    const etag = (await get(url)).headers.etag as string;

    const listed = await get(url, { 'if-none-match': `"nope", ${etag}` });
    const strong = await get(url, { 'if-none-match': etag.replace(/^W\//, '') });
    const other = await get(url, { 'if-none-match': '"nope"' });

    expect(listed.statusCode).toBe(304);
    expect(strong.statusCode).toBe(304);
    expect(other.statusCode).toBe(200);
  });

  it('never answers 304 to an error', async () => {
    const missing = await get('/api/v1/files/nope/versions', { 'if-none-match': '*' });
    expect(missing.statusCode).toBe(404);
  });
});
