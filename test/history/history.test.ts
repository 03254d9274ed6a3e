import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

describe('file history', () => {
  let t: TestApp;
  let user: FilesUser;
  beforeAll(async () => {
    t = await buildTestApp();
    user = await addFilesUser(t.app, 'hana');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, extra = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...extra });

  async function versionsOf(id: string) {
    const res = await call('GET', `/files/${id}/versions`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Array<Record<string, unknown>>; total: number };
  }

  it('records create, update, rename and delete as versions with author and reason', async () => {
    const file = await postFile(t.app, user, { path: 'a.py', content: 'x = 1\n' });
    await call('PUT', `/files/${file.id}`, { payload: { content: 'x = 2\n' } });
    await call('PUT', `/files/${file.id}`, { payload: { path: 'b.py' } });
    expect((await call('DELETE', `/files/${file.id}`)).statusCode).toBe(204);

    const { items, total } = await versionsOf(file.id);
    expect(total).toBe(4);
    expect(items.map((v) => [v.n, v.reason, v.path, v.deleted])).toEqual([
      [4, 'delete', 'b.py', true],
      [3, 'manual', 'b.py', false],
      [2, 'manual', 'a.py', false],
      [1, 'manual', 'a.py', false],
    ]);
    expect(items[0]?.author).toEqual({ id: user.id, username: 'hana' });
    expect(items[0]?.content_hash).toBeNull();
    expect(items[3]?.content_hash).toBe(file.content_hash);

    const v2 = await call('GET', `/files/${file.id}/versions/2`);
    expect(v2.json()).toMatchObject({ n: 2, content: 'x = 2\n', language: 'python' });
    expect((await call('GET', `/files/${file.id}/versions/9`)).json().code).toBe(
      'version_not_found',
    );
  });

  it('hides deleted files from reads and lists, lists them in the trash, restores them', async () => {
    const file = await postFile(t.app, user, { path: 'gone.txt', content: 'bye\n' });
    await call('DELETE', `/files/${file.id}`);

    expect((await call('GET', `/files/${file.id}`)).statusCode).toBe(404);
    expect((await call('PUT', `/files/${file.id}`, { payload: { content: 'z' } })).statusCode).toBe(
      404,
    );
    const list = (await call('GET', '/files')).json();
    expect(list.items.map((f: { id: string }) => f.id)).not.toContain(file.id);
    const trash = (await call('GET', '/trash')).json();
    expect(trash.items[0]).toMatchObject({ id: file.id, path: 'gone.txt' });

    // The path is free again while the file is deleted.
    const other = await postFile(t.app, user, { path: 'gone.txt', content: 'new\n' });
    const clash = await call('POST', `/files/${file.id}/restore`);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('file_exists');
    await call('DELETE', `/files/${other.id}`);

    const restored = await call('POST', `/files/${file.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ content: 'bye\n', version: 3, deleted_at: null });
    expect(restored.headers.etag).toBe(`"${file.id}.3"`);
    expect((await call('GET', `/files/${file.id}`)).json().content).toBe('bye\n');
    expect((await versionsOf(file.id)).items[0]).toMatchObject({
      reason: 'restore',
      restored_from: 1,
    });

    const again = await call('POST', `/files/${file.id}/restore`);
    expect(again.json().code).toBe('file_not_deleted');
  });

  it('restores a version as a new version and honours If-Match', async () => {
    const file = await postFile(t.app, user, { path: 'r.md', content: 'one\n' });
    await call('PUT', `/files/${file.id}`, { payload: { content: 'two\n' } });

    const stale = await call('POST', `/files/${file.id}/versions/1/restore`, {
      headers: { ...user.auth, 'if-match': file.etag },
    });
    expect(stale.statusCode).toBe(412);

    const res = await call('POST', `/files/${file.id}/versions/1/restore`, {
      headers: { ...user.auth, 'if-match': `"${file.id}.2"` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 3, content: 'one\n' });
    expect((await call('GET', `/files/${file.id}`)).json().content).toBe('one\n');
  });

  it('undoes step by step, and answers 409 nothing_to_undo at the first version', async () => {
    const file = await postFile(t.app, user, { path: 'u.js', content: 'a\n' });
    await call('PUT', `/files/${file.id}`, { payload: { content: 'b\n' } });
    await call('PUT', `/files/${file.id}`, { payload: { content: 'c\n' } });

    const first = await call('POST', `/files/${file.id}/undo`);
    expect(first.json()).toMatchObject({ version: 4, content: 'b\n' });
    const second = await call('POST', `/files/${file.id}/undo`);
    expect(second.json()).toMatchObject({ version: 5, content: 'a\n' });
    const third = await call('POST', `/files/${file.id}/undo`);
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('nothing_to_undo');

    const reasons = (await versionsOf(file.id)).items.map((v) => [v.reason, v.restored_from]);
    expect(reasons.slice(0, 2)).toEqual([
      ['undo', 1],
      ['undo', 2],
    ]);
  });

  it('undoes a deletion, which brings the file back', async () => {
    const file = await postFile(t.app, user, { path: 'd.go', content: 'package d\n' });
    await call('DELETE', `/files/${file.id}`);

    const res = await call('POST', `/files/${file.id}/undo`);
    expect(res.json()).toMatchObject({ version: 3, content: 'package d\n', deleted_at: null });
    expect((await call('GET', `/files/${file.id}`)).statusCode).toBe(200);
  });

  it("answers 404 for another user's file history", async () => {
    const file = await postFile(t.app, user, { path: 'mine.txt', content: 'm\n' });
    const other = await addFilesUser(t.app, 'ivo');
    for (const url of [`/files/${file.id}/versions`, `/files/${file.id}/versions/1`]) {
      const res = await t.app.inject({ url: `/api/v1${url}`, headers: other.auth });
      expect(res.statusCode, url).toBe(404);
    }
    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${file.id}/undo`,
      headers: other.auth,
    });
    expect(undo.statusCode).toBe(404);
  });
});
