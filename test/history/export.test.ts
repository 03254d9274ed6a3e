import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFile } from '../../src/repositories/files.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

describe('git export', () => {
  let t: TestApp;
  let user: FilesUser;
  let workDir: string;
  beforeAll(async () => {
    t = await buildTestApp();
    user = await addFilesUser(t.app, 'gita');
    workDir = await mkdtemp(path.join(tmpdir(), 'atelier-export-test-'));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
    await t.close();
  });

  /** The files git tracks in an exported archive. */
  async function trackedFilesOf(archive: Buffer): Promise<string[]> {
    const dir = await mkdtemp(path.join(workDir, 'tracked-'));
    await writeFile(path.join(dir, 'export.tar'), archive);
    execFileSync('tar', ['-xf', path.join(dir, 'export.tar'), '-C', dir]);
    const repo = path.join(dir, 'atelier-export');
    return execFileSync('git', ['-C', repo, 'ls-files'], { encoding: 'utf8' }).trim().split('\n');
  }

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, extra = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.auth, ...extra });

  it('exports a git repository whose commits follow the history', async () => {
    const main = await postFile(t.app, user, { path: 'src/main.py', content: 'print(1)\n' });
    await call('PUT', `/files/${main.id}`, { payload: { content: 'print(2)\n' } });
    const notes = await postFile(t.app, user, { path: 'notes.md', content: '# notes\n' });
    await call('PUT', `/files/${notes.id}`, { payload: { path: 'docs/notes.md' } });
    await call('DELETE', `/files/${notes.id}`);
    await call('POST', `/files/${main.id}/undo`);

    const res = await call('GET', '/export.tar');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    const archive = path.join(workDir, 'export.tar');
    await writeFile(archive, res.rawPayload);
    execFileSync('tar', ['-xf', archive, '-C', workDir]);

    const repo = path.join(workDir, 'atelier-export');
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
    const log = git('log', '--reverse', '--format=%an|%s').trim().split('\n');
    expect(log).toEqual([
      'gita|manual: src/main.py',
      'gita|manual: src/main.py',
      'gita|manual: notes.md',
      'gita|manual: docs/notes.md',
      'gita|delete: docs/notes.md',
      'gita|undo: src/main.py',
    ]);
    expect(git('show', 'HEAD:src/main.py')).toBe('print(1)\n');
    expect(git('show', 'HEAD~1:src/main.py')).toBe('print(2)\n');
    expect(git('show', 'HEAD~2:docs/notes.md')).toBe('# notes\n');
    expect(git('ls-tree', '-r', '--name-only', 'HEAD').trim()).toBe('src/main.py');
    expect(git('ls-tree', '-r', '--name-only', 'HEAD~3').trim().split('\n')).toEqual([
      'notes.md',
      'src/main.py',
    ]);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('exports a path that was a folder and then became a file', async () => {
    const other = await addFilesUser(t.app, 'gitb');
    const as = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: other.auth, payload });
    const util = await postFile(t.app, other, { path: 'lib/util.py', content: 'x = 1\n' });
    await as('PUT', `/files/${util.id}`, { path: 'util.py' });
    await postFile(t.app, other, { path: 'lib', content: 'now a file\n' });

    const res = await as('GET', '/export.tar');

    expect(res.statusCode).toBe(200);
    const dir = await mkdtemp(path.join(workDir, 'b-'));
    await writeFile(path.join(dir, 'export.tar'), res.rawPayload);
    execFileSync('tar', ['-xf', path.join(dir, 'export.tar'), '-C', dir]);
    const show = (spec: string) =>
      execFileSync('git', ['-C', path.join(dir, 'atelier-export'), 'show', spec], {
        encoding: 'utf8',
      });
    expect(show('HEAD:lib')).toBe('now a file\n');
    expect(show('HEAD:util.py')).toBe('x = 1\n');
  });

  it('exports every file, those a stored .gitignore names too', async () => {
    const other = await addFilesUser(t.app, 'gitc');
    await postFile(t.app, other, { path: '.gitignore', content: '*.py\n' });
    await postFile(t.app, other, { path: 'src/app.py', content: 'app = 1\n' });
    await postFile(t.app, other, { path: 'notes/...txt', content: 'x\n' });

    const res = await t.app.inject({ url: '/api/v1/export.tar', headers: other.auth });

    expect(res.statusCode).toBe(200);
    expect(await trackedFilesOf(res.rawPayload)).toEqual([
      '.gitignore',
      'notes/...txt',
      'src/app.py',
    ]);
  });

  it('leaves out a file stored in a folder ending in ".." before such paths were refused', async () => {
    const other = await addFilesUser(t.app, 'gitd');
    await postFile(t.app, other, { path: 'kept.txt', content: 'kept\n' });
    const content = 'old\n';
    await createFile(t.app.db, {
      userId: other.id,
      path: 'notes/.../todo.txt',
      language: 'plaintext',
      content,
      size: content.length,
      contentHash: 'legacy',
    });

    const res = await t.app.inject({ url: '/api/v1/export.tar', headers: other.auth });

    expect(res.statusCode).toBe(200);
    expect(await trackedFilesOf(res.rawPayload)).toEqual(['kept.txt']);
  });
});
