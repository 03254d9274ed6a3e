import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('file request checks', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it.each([
    ['GET', '/api/v1/files'],
    ['POST', '/api/v1/files'],
    ['GET', '/api/v1/files/f_x'],
    ['PUT', '/api/v1/files/f_x'],
    ['DELETE', '/api/v1/files/f_x'],
  ] as const)(
    'answers 401 to %s %s without a token, before reading the body',
    async (method, url) => {
      const res = await t.app.inject({ method, url, headers: JSON_HEADERS, payload: '{oops' });

      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toMatchObject({ code: 'not_authenticated', status: 401 });
    },
  );

  it('answers 401 invalid_token to a forged token', async () => {
    const res = await t.app.inject({
      url: '/api/v1/files',
      headers: { authorization: 'Bearer not.a.jwt' },
    });

    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'invalid_token' });
  });

  it('answers 400 malformed_request to malformed JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...alice.auth, ...JSON_HEADERS },
      payload: '{"path": "a.py", "content": ',
    });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_request', status: 400 });
  });

  it('refuses prototype keys in valid JSON, saying so', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...alice.auth, ...JSON_HEADERS },
      payload: '{"path": "p.py", "content": "x", "__proto__": {"admin": true}}',
    });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_request', detail: /"__proto__"/ });
  });

  it('answers 415 to a compressed body instead of parsing it as plain', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...alice.auth, ...JSON_HEADERS, 'content-encoding': 'gzip' },
      payload: '{"path": "z.py", "content": "x"}',
    });

    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type', detail: /gzip/ });
  });

  it('answers 422 naming the parameter to an over-long id', async () => {
    const res = await t.app.inject({
      url: `/api/v1/files/f_${'x'.repeat(200)}`,
      headers: alice.auth,
    });

    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'params.file_id' })]);
  });

  it('takes an empty JSON body as no body: 422 where one is needed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...alice.auth, ...JSON_HEADERS },
      payload: '',
    });

    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('answers 400 to a body that is not valid UTF-8, storing nothing', async () => {
    const body = Buffer.concat([
      Buffer.from('{"path": "bytes.py", "content": "a'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('b"}'),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...alice.auth, ...JSON_HEADERS },
      payload: body,
    });
    const list = await t.app.inject({
      url: '/api/v1/files?path_prefix=bytes',
      headers: alice.auth,
    });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_request', detail: /UTF-8/ });
    expect(list.json().items).toEqual([]);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'path=a.py&content=x'],
    ['text/plain', '{"path": "a.py", "content": "x"}'],
  ])('answers 415 to a %s body', async (type, payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...alice.auth, 'content-type': type },
      payload,
    });

    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('answers 422 listing each missing field on create', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: alice.auth,
      payload: {},
    });

    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: expect.arrayContaining([
        { field: 'body.path', message: "must have required property 'path'" },
        { field: 'body.content', message: "must have required property 'content'" },
      ]),
    });
  });

  it('answers 422 naming an unknown field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: alice.auth,
      payload: { path: 'a.py', content: '', owner: 'bob' },
    });

    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'body.owner', message: 'is not allowed' }]);
  });

  it('answers 422 to a number where text belongs instead of coercing it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: alice.auth,
      payload: { path: 42, content: 'x' },
    });

    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'body.path', message: 'must be string' }]);
  });

  it('answers 422 to an update with no fields', async () => {
    const file = await postFile(t.app, alice, { path: 'empty-update.py', content: '' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: {},
    });

    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body' }] });
  });

  it.each([
    ['uppercase', 'Python'],
    ['spaces', 'type script'],
    ['too long', 'a'.repeat(33)],
    ['leading digit', '1c'],
  ])('answers 422 to a language with %s', async (_case, language) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: alice.auth,
      payload: { path: 'lang.txt', content: '', language },
    });

    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'body.language', message: expect.any(String) }]);
  });

  it.each([
    ['a NUL character', '{"path":"nul.txt","content":"a\\u0000b"}', 'must not contain NUL'],
    ['a lone high surrogate', '{"path":"s1.txt","content":"a\\ud800b"}', 'lone surrogate'],
    ['a lone low surrogate', '{"path":"s2.txt","content":"\\udc00"}', 'lone surrogate'],
  ])('answers 422 invalid_content to content with %s', async (_case, payload, reason) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...alice.auth, ...JSON_HEADERS },
      payload,
    });

    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'invalid_content',
      errors: [{ field: 'body.content', message: expect.stringContaining(reason) }],
    });
  });

  it('accepts astral characters, tabs and CRLF in content', async () => {
    const content = 'emoji 😀\tand\r\nlines';
    const file = await postFile(t.app, alice, { path: 'ok.txt', content });

    expect(file).toMatchObject({ content, size: Buffer.byteLength(content) });
  });

  it('refuses invalid content on update, leaving the file unchanged', async () => {
    const file = await postFile(t.app, alice, { path: 'upd-bad.txt', content: 'fine' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: { ...alice.auth, ...JSON_HEADERS },
      payload: '{"content":"\\u0000"}',
    });

    expect(res.statusCode).toBe(422);
    const after = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });
    expect(after.json()).toMatchObject({ content: 'fine', version: 1 });
  });
});

describe('file isolation between users', () => {
  let t: TestApp;
  let alice: FilesUser;
  let bob: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
    bob = await addFilesUser(t.app, 'bob');
  });
  afterAll(() => t.close());

  it('answers 404 to another user exactly as to a missing id, and changes nothing', async () => {
    const file = await postFile(t.app, alice, { path: 'secret.py', content: 'key = 1' });
    const requests = [
      { method: 'GET' as const },
      { method: 'PUT' as const, payload: { content: 'stolen' } },
      { method: 'DELETE' as const },
    ];

    for (const request of requests) {
      const theirs = await t.app.inject({
        ...request,
        url: `/api/v1/files/${file.id}`,
        headers: bob.auth,
      });
      const missing = await t.app.inject({
        ...request,
        url: '/api/v1/files/f_missing',
        headers: bob.auth,
      });

      expect(theirs.statusCode, request.method).toBe(404);
      const { detail, instance, request_id, ...shape } = theirs.json();
      const other = missing.json();
      expect(shape, request.method).toEqual({
        type: other.type,
        title: other.title,
        status: 404,
        code: 'file_not_found',
      });
      expect(detail).toBe(`No file with id "${file.id}"`);
      expect(Object.keys(theirs.json()).sort()).toEqual(Object.keys(other).sort());
    }

    const after = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });
    expect(after.json()).toMatchObject({ content: 'key = 1', version: 1 });
  });

  it('lists only the caller’s files, and lets two users use the same path', async () => {
    await postFile(t.app, alice, { path: 'shared/name.py', content: 'a' });
    await postFile(t.app, bob, { path: 'shared/name.py', content: 'b' });

    const res = await t.app.inject({ url: '/api/v1/files', headers: bob.auth });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, items: [{ path: 'shared/name.py' }] });
  });
});
