import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

const LIMIT = 64;

describe('file size limit', () => {
  let t: TestApp;
  let alice: FilesUser;

  const create = (path: string, content: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: alice.auth,
      payload: { path, content },
    });

  beforeAll(async () => {
    t = await buildTestApp({ ATELIER_MAX_FILE_BYTES: String(LIMIT) });
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it('accepts content of exactly the limit', async () => {
    const res = await create('exact.txt', 'x'.repeat(LIMIT));

    expect(res.statusCode).toBe(201);
    expect(res.json().size).toBe(LIMIT);
  });

  it('answers 413 payload_too_large one byte over, with size and limit', async () => {
    const res = await create('over.txt', 'x'.repeat(LIMIT + 1));

    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'payload_too_large',
      status: 413,
      detail: `Content is ${LIMIT + 1} bytes; the limit is ${LIMIT}`,
      size_bytes: LIMIT + 1,
      limit_bytes: LIMIT,
    });
  });

  it('measures UTF-8 bytes, not characters', async () => {
    // 22 characters, but 66 bytes: each "€" is three bytes in UTF-8.
    const res = await create('euro.txt', '€'.repeat(22));

    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ size_bytes: 66 });
  });

  it('answers 413 to an oversized update and keeps the old content', async () => {
    const file = await postFile(t.app, alice, { path: 'grow.txt', content: 'small' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { content: 'y'.repeat(LIMIT * 2) },
    });

    expect(res.statusCode).toBe(413);
    const after = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });
    expect(after.json()).toMatchObject({ content: 'small', version: 1 });
  });

  it('answers 413 when the body itself passes the server limit', async () => {
    const res = await create('huge.txt', 'z'.repeat(LIMIT * 6 + 64 * 1024));

    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });
});
