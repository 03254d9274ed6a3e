import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';

describe('numeric query values', () => {
  let t: TestApp;
  let admin: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await addFilesUser(t.app, 'root');
    await t.app.db.updateTable('users').set({ is_admin: 1 }).execute();
  });
  afterAll(() => t.close());

  it.each([
    ['/api/v1/files?offset=1e400', 'querystring.offset'],
    ['/api/v1/files?offset=Infinity', 'querystring.offset'],
    ['/api/v1/files?offset=18446744073709551616', 'querystring.offset'],
    ['/api/v1/files?limit=1e400', 'querystring.limit'],
    ['/api/v1/files?limit=5.5', 'querystring.limit'],
    ['/api/v1/users?offset=1e400', 'querystring.offset'],
  ])('answers 422 to %s naming %s', async (url, field) => {
    const res = await t.app.inject({ url, headers: admin.auth });

    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
