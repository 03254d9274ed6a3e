import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

describe('file history edge cases', () => {
  let t: TestApp;
  let user: FilesUser;
  beforeAll(async () => {
    t = await buildTestApp();
    user = await addFilesUser(t.app, 'edge');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, extra = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...extra });

  it('records one version per write, without gaps, under concurrent writes', async () => {
    const file = await postFile(t.app, user, { path: 'busy.txt', content: '0\n' });
    const writes = Array.from({ length: 12 }, (_, i) =>
      call('PUT', `/files/${file.id}`, { payload: { content: `${i + 1}\n` } }),
    );
    expect((await Promise.all(writes)).map((res) => res.statusCode)).toEqual(Array(12).fill(200));

    const { items, total } = (await call('GET', `/files/${file.id}/versions?limit=200`)).json();
    expect(total).toBe(13);
    expect(items.map((v: { n: number }) => v.n)).toEqual(
      Array.from({ length: 13 }, (_, i) => 13 - i),
    );
    const current = (await call('GET', `/files/${file.id}`)).json();
    const latest = (await call('GET', `/files/${file.id}/versions/13`)).json();
    expect(latest.content).toBe(current.content);
    expect(latest.content_hash).toBe(current.content_hash);
  });

  it('pages versions with limit and offset', async () => {
    const file = await postFile(t.app, user, { path: 'paged.txt', content: 'a\n' });
    await call('PUT', `/files/${file.id}`, { payload: { content: 'b\n' } });
    await call('PUT', `/files/${file.id}`, { payload: { content: 'c\n' } });
    const page = (await call('GET', `/files/${file.id}/versions?limit=1&offset=1`)).json();
    expect(page).toMatchObject({ total: 3, items: [{ n: 2 }] });
  });

  it('refuses to restore a deletion, and 412s a stale If-Match on undo', async () => {
    const file = await postFile(t.app, user, { path: 'tomb.txt', content: 't\n' });
    await call('DELETE', `/files/${file.id}`);
    const tomb = await call('POST', `/files/${file.id}/versions/2/restore`);
    expect(tomb.statusCode).toBe(409);
    expect(tomb.json().code).toBe('version_is_deletion');

    const stale = await call('POST', `/files/${file.id}/undo`, {
      headers: { ...user.auth, 'if-match': file.etag },
    });
    expect(stale.statusCode).toBe(412);
  });

  it('undoing the restore of a deleted file deletes it again', async () => {
    const file = await postFile(t.app, user, { path: 'again.txt', content: 'g\n' });
    await call('DELETE', `/files/${file.id}`);
    await call('POST', `/files/${file.id}/restore`);

    const undo = await call('POST', `/files/${file.id}/undo`);
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ version: 4, content: null });
    expect(undo.json().deleted_at).toEqual(expect.any(String));
    expect((await call('GET', `/files/${file.id}`)).statusCode).toBe(404);
    const trash = (await call('GET', '/trash')).json();
    expect(trash.items.map((f: { id: string }) => f.id)).toContain(file.id);
  });

  it('keeps history readable after its author is deleted', async () => {
    const admin = await addUser(t.app, 'root', { admin: true });
    const owner = await addFilesUser(t.app, 'owner-of-team');
    const writer = await addFilesUser(t.app, 'leaver');
    const ws = await t.app.inject({
      method: 'POST',
      url: '/api/v2/workspaces',
      headers: owner.auth,
      payload: { name: 'team' },
    });
    const wsId = ws.json().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/v2/workspaces/${wsId}/members`,
      headers: owner.auth,
      payload: { username: 'leaver', role: 'editor' },
    });
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v2/workspaces/${wsId}/files`,
      headers: writer.auth,
      payload: { path: 'kept.txt', content: 'k\n' },
    });
    const fileId = created.json().id;

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${writer.id}`,
      headers: admin.auth,
    });
    expect(removed.statusCode).toBe(204);

    const versions = await t.app.inject({
      url: `/api/v2/workspaces/${wsId}/files/${fileId}/versions`,
      headers: owner.auth,
    });
    expect(versions.json().items).toEqual([expect.objectContaining({ n: 1, author: null })]);
  });
});
