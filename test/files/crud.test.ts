import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('files CRUD', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it('creates a file and answers 201 with Location, ETag and the file', async () => {
    const content = 'print("héllo")\n';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: alice.auth,
      payload: { path: 'src/hello.py', content },
    });

    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^f_[a-z2-7]{26}$/),
      path: 'src/hello.py',
      language: 'python',
      size: Buffer.byteLength(content),
      version: 1,
      content_hash: sha256(content),
      created_at: expect.stringMatching(ISO_TIME),
      updated_at: body.created_at,
      content,
    });
    expect(res.headers.location).toBe(`/api/v1/files/${body.id}`);
    expect(res.headers.etag).toBe(`"${body.id}.1"`);
  });

  it('reads a file back with its ETag and private, no-cache', async () => {
    const file = await postFile(t.app, alice, { path: 'read/me.ts', content: 'export {};\n' });

    const res = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });

    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(file.etag);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const { etag: _etag, ...expected } = file;
    expect(res.json()).toEqual(expected);
  });

  it('updates content, bumps the version and changes the ETag', async () => {
    const file = await postFile(t.app, alice, { path: 'upd/a.go', content: 'package a\n' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { content: 'package b\n' },
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: file.id,
      path: 'upd/a.go',
      language: 'go',
      version: 2,
      size: 10,
      content: 'package b\n',
      content_hash: sha256('package b\n'),
      created_at: file.created_at,
    });
    expect(res.headers.etag).toBe(`"${file.id}.2"`);
    expect(res.headers.etag).not.toBe(file.etag);
  });

  it('renames a file and re-detects a detected language', async () => {
    const file = await postFile(t.app, alice, { path: 'mv/old.js', content: 'x' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { path: 'mv/new.ts' },
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ path: 'mv/new.ts', language: 'typescript', version: 2 });
  });

  it('keeps a hand-set language on rename', async () => {
    const file = await postFile(t.app, alice, { path: 'mv/x.txt', content: 'x', language: 'lua' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { path: 'mv/x.py' },
    });

    expect(res.json()).toMatchObject({ path: 'mv/x.py', language: 'lua' });
  });

  it('deletes a file with 204, after which it is 404', async () => {
    const file = await postFile(t.app, alice, { path: 'del/a.rs', content: 'fn main() {}' });

    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');

    const after = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });
    expect(after.statusCode).toBe(404);
    expect(after.json()).toMatchObject({ code: 'file_not_found', status: 404 });
  });

  it('answers 409 file_exists for a duplicate path on create', async () => {
    await postFile(t.app, alice, { path: 'dup/a.py', content: '1' });

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: alice.auth,
      payload: { path: './dup//a.py', content: '2' },
    });

    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'file_exists', status: 409, path: 'dup/a.py' });
  });

  it('answers 409 file_exists when a rename hits a taken path, changing nothing', async () => {
    await postFile(t.app, alice, { path: 'ren/taken.py', content: '1' });
    const file = await postFile(t.app, alice, { path: 'ren/free.py', content: '2' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { path: 'ren/taken.py', content: 'changed' },
    });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'file_exists', path: 'ren/taken.py' });
    const after = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });
    expect(after.json()).toMatchObject({ path: 'ren/free.py', content: '2', version: 1 });
  });

  it('answers 409 path_conflict to a path that would be a file and a folder at once', async () => {
    const file = await postFile(t.app, alice, { path: 'tree/leaf', content: 'a' });
    await postFile(t.app, alice, { path: 'tree2/sub/x.py', content: 'b' });
    const post = (path: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: alice.auth,
        payload: { path, content: 'c' },
      });

    const under = await post('tree/leaf/child.py');
    const over = await post('tree2/sub');
    const rename = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { path: 'tree2' },
    });
    const sibling = await post('tree/leaf2');

    expect(under.statusCode).toBe(409);
    expect(under.json()).toMatchObject({ code: 'path_conflict', conflicting_path: 'tree/leaf' });
    expect(over.json()).toMatchObject({
      code: 'path_conflict',
      conflicting_path: 'tree2/sub/x.py',
    });
    expect(rename.json()).toMatchObject({ code: 'path_conflict', path: 'tree2' });
    expect(sibling.statusCode).toBe(201);
  });

  it('answers 404 file_not_found for an unknown id', async () => {
    const res = await t.app.inject({ url: '/api/v1/files/f_nope', headers: alice.auth });

    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'file_not_found',
      detail: 'No file with id "f_nope"',
      instance: '/api/v1/files/f_nope',
    });
  });
});
