import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser } from '../helpers/files-user.js';

describe('API versions', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('marks every v1 answer deprecated, errors too, when ATELIER_V1_DEPRECATION is on', async () => {
    t = await buildTestApp({ ATELIER_V1_DEPRECATION: 'true' });
    const user = await addFilesUser(t.app, 'dep');
    const answers = [
      await t.app.inject({ url: '/api/v1/files', headers: user.auth }),
      await t.app.inject({ url: '/api/v1/files' }),
      await t.app.inject({ url: '/api/v1/files/f_missing', headers: user.auth }),
    ];
    expect(answers.map((res) => res.statusCode)).toEqual([200, 401, 404]);
    for (const res of answers) {
      expect(res.headers.deprecation).toMatch(/^@\d+$/);
      expect(res.headers.link).toBe('</api/v2>; rel="successor-version"');
    }

    const v2 = await t.app.inject({ url: '/api/v2/workspaces', headers: user.auth });
    expect(v2.statusCode).toBe(200);
    expect(v2.headers.deprecation).toBeUndefined();
  });

  it('sends no deprecation headers by default', async () => {
    t = await buildTestApp();
    const user = await addFilesUser(t.app, 'nodep');
    const res = await t.app.inject({ url: '/api/v1/files', headers: user.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers.deprecation).toBeUndefined();
    expect(res.headers.link).toBeUndefined();
  });

  it('documents both versions, with the workspace parameter on v2 routes', async () => {
    t = await buildTestApp();
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();

    const v1Get = spec.paths['/api/v1/files/{file_id}'].get;
    expect(v1Get.tags).toEqual(['files']);
    const v2Get = spec.paths['/api/v2/workspaces/{workspace_id}/files/{file_id}'].get;
    expect(v2Get.tags).toEqual(['v2 files']);
    const params = v2Get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(params).toEqual(expect.arrayContaining(['path:workspace_id', 'path:file_id']));
    expect(Object.keys(v2Get.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));

    expect(spec.paths['/api/v1/files/{file_id}/versions']).toBeDefined();
    expect(spec.paths['/api/v2/workspaces/{workspace_id}/ai/explain'].post.tags).toEqual(['v2 ai']);
    expect(spec.paths['/api/v2/workspaces'].post.tags).toEqual(['v2 workspaces']);
  });
});
