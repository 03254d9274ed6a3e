import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

describe('conditional requests', () => {
  let t: TestApp;
  let alice: FilesUser;

  const read = (id: string, headers: Record<string, string> = {}) =>
    t.app.inject({ url: `/api/v1/files/${id}`, headers: { ...alice.auth, ...headers } });

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it.each([
    ['the current ETag', (etag: string) => etag],
    ['the weak form of the current ETag', (etag: string) => `W/${etag}`],
    ['a list containing the current ETag', (etag: string) => `"other", ${etag}`],
    ['*', () => '*'],
  ])('answers 304 with the ETag and no body when If-None-Match is %s', async (_case, header) => {
    const file = await postFile(t.app, alice, { path: `inm/${_case}.py`, content: 'x' });

    const res = await read(file.id, { 'if-none-match': header(file.etag) });

    expect(res.statusCode).toBe(304);
    expect(res.headers.etag).toBe(file.etag);
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.body).toBe('');
  });

  it('answers 200 when If-None-Match names an older version', async () => {
    const file = await postFile(t.app, alice, { path: 'inm/old.py', content: 'x' });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { content: 'y' },
    });

    const res = await read(file.id, { 'if-none-match': file.etag });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ content: 'y', version: 2 });
  });

  it('updates when If-Match is current', async () => {
    const file = await postFile(t.app, alice, { path: 'im/ok.py', content: 'x' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: { ...alice.auth, 'if-match': file.etag },
      payload: { content: 'y' },
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ content: 'y', version: 2 });
  });

  it.each([
    ['stale', (etag: string) => etag.replace('.1"', '.0"')],
    ['weak (If-Match compares strongly)', (etag: string) => `W/${etag}`],
    ['malformed', () => 'not-a-tag'],
  ])('returns 412 on PUT when If-Match is %s, changing nothing', async (_case, header) => {
    const file = await postFile(t.app, alice, { path: `im/put-${_case}.py`, content: 'x' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: { ...alice.auth, 'if-match': header(file.etag) },
      payload: { content: 'lost', path: `im/moved-${_case}.py` },
    });

    expect(res.statusCode).toBe(412);
    expect(res.json()).toMatchObject({ code: 'precondition_failed', status: 412 });
    const after = await read(file.id);
    expect(after.json()).toMatchObject({ content: 'x', path: file.path, version: 1 });
    expect(after.headers.etag).toBe(file.etag);
  });

  it('returns 412 on PUT when If-None-Match: * finds the file', async () => {
    const file = await postFile(t.app, alice, { path: 'inm/put-star.py', content: 'x' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: { ...alice.auth, 'if-none-match': '*' },
      payload: { content: 'y' },
    });

    expect(res.statusCode).toBe(412);
  });

  it('returns 412 on DELETE when If-Match is stale, and keeps the file', async () => {
    const file = await postFile(t.app, alice, { path: 'im/del.py', content: 'x' });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { content: 'y' },
    });

    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/files/${file.id}`,
      headers: { ...alice.auth, 'if-match': file.etag },
    });

    expect(res.statusCode).toBe(412);
    expect(res.json()).toMatchObject({ code: 'precondition_failed' });
    const after = await read(file.id);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ content: 'y', version: 2 });
  });

  it('deletes when If-Match is current', async () => {
    const file = await postFile(t.app, alice, { path: 'im/del-ok.py', content: 'x' });

    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/files/${file.id}`,
      headers: { ...alice.auth, 'if-match': file.etag },
    });

    expect(res.statusCode).toBe(204);
    expect((await read(file.id)).statusCode).toBe(404);
  });
});
