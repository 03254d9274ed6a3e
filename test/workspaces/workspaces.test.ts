import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { sharedWorkspace, v2, v2ok } from './workspace-helpers.js';

type Named = FilesUser & { username: string };

describe('v2 workspaces and members', () => {
  let t: TestApp;
  let ana: Named;
  let ben: Named;
  let cy: Named;
  beforeAll(async () => {
    t = await buildTestApp();
    ana = (await addFilesUser(t.app, 'ana')) as Named;
    ben = (await addFilesUser(t.app, 'ben')) as Named;
    cy = (await addFilesUser(t.app, 'cy')) as Named;
  });
  afterAll(() => t.close());

  it('refuses parameters the lists do not take, rather than ignoring them', async () => {
    const quinn = (await addFilesUser(t.app, 'quinn-lists')) as Named;
    const ws = await sharedWorkspace(t.app, quinn);

    const lists = [
      await v2(t.app, quinn, 'GET', '/workspaces?limit=0'),
      await v2(t.app, quinn, 'GET', `/workspaces/${ws}/members?limit=-1`),
    ];

    expect(lists.map((res) => res.statusCode)).toEqual([422, 422]);
    expect(lists.map((res) => res.json().code)).toEqual(['validation_failed', 'validation_failed']);
  });

  it('gives every user a personal workspace holding their v1 files', async () => {
    const file = await postFile(t.app, ana, { path: 'v1.py', content: 'a = 1\n' });

    const { items } = await v2ok(t.app, ana, 'GET', '/workspaces');
    expect(items).toEqual([
      expect.objectContaining({ name: 'ana', personal: true, role: 'owner' }),
    ]);
    const personal = items[0].id;
    const listed = await v2ok(t.app, ana, 'GET', `/workspaces/${personal}/files`);
    expect(listed.items.map((f: { id: string }) => f.id)).toEqual([file.id]);

    const del = await v2(t.app, ana, 'DELETE', `/workspaces/${personal}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('personal_workspace');
    const share = await v2(t.app, ana, 'POST', `/workspaces/${personal}/members`, {
      username: 'ben',
      role: 'viewer',
    });
    expect(share.json().code).toBe('personal_workspace');
  });

  it('creates, lists, renames and deletes a shared workspace', async () => {
    const created = await v2(t.app, ana, 'POST', '/workspaces', { name: 'team' });
    expect(created.statusCode).toBe(201);
    const ws = created.json();
    expect(ws).toMatchObject({ name: 'team', personal: false, role: 'owner' });
    expect(created.headers.location).toBe(`/api/v2/workspaces/${ws.id}`);

    const renamed = await v2ok(t.app, ana, 'PATCH', `/workspaces/${ws.id}`, { name: 'core' });
    expect(renamed).toMatchObject({ id: ws.id, name: 'core' });
    const names = (await v2ok(t.app, ana, 'GET', '/workspaces')).items.map(
      (w: { name: string }) => w.name,
    );
    expect(names).toEqual(['ana', 'core']);

    await v2ok(t.app, ana, 'DELETE', `/workspaces/${ws.id}`, undefined, 204);
    expect((await v2(t.app, ana, 'GET', `/workspaces/${ws.id}`)).json().code).toBe(
      'workspace_not_found',
    );
  });

  it('manages members and always keeps an owner', async () => {
    const ws = await sharedWorkspace(t.app, ana, [{ username: 'ben', role: 'editor' }]);
    const members = `/workspaces/${ws}/members`;

    const again = await v2(t.app, ana, 'POST', members, { username: 'ben', role: 'viewer' });
    expect(again.json().code).toBe('member_exists');
    const ghost = await v2(t.app, ana, 'POST', members, { username: 'nobody', role: 'viewer' });
    expect(ghost.json().code).toBe('user_not_found');
    for (const name of ['\u0000bad', 'tab\tname', 'rlo\u202eevil']) {
      const res = await v2(t.app, ana, 'POST', '/workspaces', { name });
      expect(res.statusCode, JSON.stringify(name)).toBe(422);
    }
    const badRole = await v2(t.app, ana, 'POST', members, { username: 'ben', role: 'superuser' });
    expect(badRole.json().errors).toEqual([
      { field: 'body.role', message: 'must be one of "owner", "editor", "viewer"' },
    ]);

    const lastOwner = await v2(t.app, ana, 'PATCH', `${members}/${ana.id}`, { role: 'editor' });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json().code).toBe('last_owner');
    const leave = await v2(t.app, ana, 'DELETE', `${members}/${ana.id}`);
    expect(leave.json().code).toBe('last_owner');

    await v2ok(t.app, ana, 'PATCH', `${members}/${ben.id}`, { role: 'owner' });
    await v2ok(t.app, ana, 'DELETE', `${members}/${ana.id}`, undefined, 204);
    expect((await v2(t.app, ana, 'GET', `/workspaces/${ws}`)).statusCode).toBe(404);

    const list = await v2ok(t.app, ben, 'GET', members);
    expect(list.items).toEqual([expect.objectContaining({ username: 'ben', role: 'owner' })]);
    const missing = await v2(t.app, ben, 'PATCH', `${members}/${cy.id}`, { role: 'viewer' });
    expect(missing.json().code).toBe('member_not_found');
  });

  it('lets a member leave on their own', async () => {
    const ws = await sharedWorkspace(t.app, ana, [{ username: 'cy', role: 'viewer' }]);
    await v2ok(t.app, cy, 'DELETE', `/workspaces/${ws}/members/${cy.id}`, undefined, 204);
    expect((await v2(t.app, cy, 'GET', `/workspaces/${ws}/files`)).statusCode).toBe(404);
  });

  it('hands a deleted sole owner’s workspaces to the longest-standing editor', async () => {
    const admin = await addUser(t.app, 'root-admin', { admin: true });
    const dee = (await addFilesUser(t.app, 'dee')) as Named;
    const shared = await sharedWorkspace(t.app, dee, [
      { username: 'cy', role: 'viewer' },
      { username: 'ben', role: 'editor' },
    ]);
    const file = await v2ok(
      t.app,
      dee,
      'POST',
      `/workspaces/${shared}/files`,
      {
        path: 'kept.py',
        content: 'x = 1\n',
      },
      201,
    );
    const alone = await sharedWorkspace(t.app, dee, []);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${dee.id}`,
      headers: admin.auth,
    });

    expect(removed.statusCode).toBe(204);
    const members = await v2ok(t.app, ben, 'GET', `/workspaces/${shared}/members`);
    expect(members.items).toEqual([
      expect.objectContaining({ username: 'ben', role: 'owner' }),
      expect.objectContaining({ username: 'cy', role: 'viewer' }),
    ]);
    await v2ok(t.app, ben, 'GET', `/workspaces/${shared}/files/${file.id}`);
    await v2ok(t.app, cy, 'DELETE', `/workspaces/${shared}/members/${cy.id}`, undefined, 204);
    expect((await v2(t.app, admin, 'GET', `/workspaces/${alone}`)).statusCode).toBe(404);
    const orphan = await t.app.db
      .selectFrom('workspaces')
      .select('id')
      .where('id', '=', alone)
      .executeTakeFirst();
    expect(orphan).toBeUndefined();
  });

  it('keeps files, paths and history apart per workspace', async () => {
    const ws = await sharedWorkspace(t.app, ana, [{ username: 'ben', role: 'editor' }]);
    const body = { path: 'same.py', content: 'shared = 1\n' };
    const created = await v2(t.app, ben, 'POST', `/workspaces/${ws}/files`, body);
    expect(created.statusCode).toBe(201);
    const file = created.json();
    expect(created.headers.location).toBe(`/api/v2/workspaces/${ws}/files/${file.id}`);

    // The same path in Ben's personal workspace is another file.
    const own = await postFile(t.app, ben, body);
    expect(own.id).not.toBe(file.id);
    expect(
      (await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: ben.auth })).statusCode,
    ).toBe(404);
    const other = await sharedWorkspace(t.app, ana);
    expect((await v2(t.app, ana, 'GET', `/workspaces/${other}/files/${file.id}`)).statusCode).toBe(
      404,
    );

    await v2ok(t.app, ana, 'PUT', `/workspaces/${ws}/files/${file.id}`, {
      content: 'shared = 2\n',
    });
    const versions = await v2ok(t.app, ben, 'GET', `/workspaces/${ws}/files/${file.id}/versions`);
    expect(versions.items.map((v: { author: { username: string } }) => v.author.username)).toEqual([
      'ana',
      'ben',
    ]);
    const undone = await v2ok(t.app, ben, 'POST', `/workspaces/${ws}/files/${file.id}/undo`);
    expect(undone).toMatchObject({ content: 'shared = 1\n', version: 3 });
  });

  it('runs AI only on files of the workspace', async () => {
    const ws = await sharedWorkspace(t.app, ana);
    const own = await postFile(t.app, ana, { path: 'mine.py', content: 'x = 1\n' });
    const res = await v2(t.app, ana, 'POST', `/workspaces/${ws}/ai/explain`, { file_id: own.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('file_not_found');
  });
});
