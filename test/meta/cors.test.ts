import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser } from '../helpers/files-user.js';

const EDITOR = 'https://editor.example';

describe('CORS', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers a preflight from an allowed origin and lets its page read our headers', async () => {
    t = await buildTestApp({ ATELIER_CORS_ORIGINS: `${EDITOR}, https://other.example` });
    const user = await addFilesUser(t.app, 'ada');

    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/files',
      headers: {
        origin: EDITOR,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(EDITOR);
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization, content-type');

    const read = await t.app.inject({
      url: '/api/v1/files',
      headers: { ...user.auth, origin: EDITOR },
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBe(EDITOR);
    expect(String(read.headers['access-control-expose-headers']).split(/,\s*/)).toEqual(
      expect.arrayContaining(['x-request-id', 'etag', 'retry-after']),
    );
    expect(read.headers.vary).toContain('Origin');
  });

  it('gives an origin that is not listed no access', async () => {
    t = await buildTestApp({ ATELIER_CORS_ORIGINS: EDITOR });

    const res = await t.app.inject({ url: '/', headers: { origin: 'https://evil.example' } });

    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends no CORS headers without configured origins, and a preflight is not found', async () => {
    t = await buildTestApp();

    const res = await t.app.inject({ url: '/', headers: { origin: EDITOR } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();

    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/files',
      headers: { origin: EDITOR, 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(404);
    expect(preflight.json()).toMatchObject({ code: 'not_found' });
  });
});
