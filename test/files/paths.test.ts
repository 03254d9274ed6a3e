import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

const LONG_PATH = `${'d'.repeat(200)}/`.repeat(6).concat('a.py');

const BAD_PATHS: Array<[string, string, string]> = [
  ['an empty path', '', 'must not be empty'],
  ['an absolute path', '/etc/passwd', 'must be relative, not absolute'],
  ['a Windows drive path', 'C:/Windows/win.ini', 'must not start with a drive letter ("C:")'],
  ['a drive-relative path', 'a:b.py', 'must not start with a drive letter ("C:")'],
  ['a leading ".." segment', '../secrets.txt', 'must not contain ".." segments'],
  ['an inner ".." segment', 'src/../../etc/passwd', 'must not contain ".." segments'],
  ['a trailing ".." segment', 'src/..', 'must not contain ".." segments'],
  ['a folder of dots', 'notes/.../todo.txt', 'must not have a folder whose name ends with ".."'],
  ['a folder ending in dots', 'a../b.py', 'must not have a folder whose name ends with ".."'],
  ['a NUL character', 'a\u0000.py', 'must not contain NUL characters'],
  ['a newline', 'a\nb.py', 'must not contain control characters'],
  ['a DEL character', 'a\u007fb.py', 'must not contain control characters'],
  ['a C1 control character', 'a\u0085b.py', 'must not contain control characters'],
  [
    'a right-to-left override',
    'rlo\u202etxt.exe',
    'must not contain bidirectional control characters',
  ],
  ['a lone surrogate', 'a\ud800.py', 'must be valid Unicode text'],
  ['a backslash', 'src\\app.py', 'must use "/" as separator, not "\\"'],
  ['only "."', '.', 'must name a file'],
  ['only "./"', './', 'must name a file, not end with "/"'],
  ['a trailing slash', 'src/', 'must name a file, not end with "/"'],
  ['a segment over 255 bytes', `src/${'é'.repeat(128)}.py`, 'over 255 bytes'],
  ['a path over 1024 bytes', LONG_PATH, 'over 1024 bytes'],
];

const NORMALISED: Array<[string, string, string]> = [
  ['a leading "./"', './src/a.py', 'src/a.py'],
  ['inner "." segments', 'src/./lib/./a.py', 'src/lib/a.py'],
  ['repeated slashes', 'src//lib///b.py', 'src/lib/b.py'],
  ['decomposed accents (to NFC)', 'cafe\u0301.md', 'caf\u00e9.md'],
  ['dots inside names', 'a..b/.hidden/..x', 'a..b/.hidden/..x'],
  ['a 255-byte segment', `${'s'.repeat(252)}.py`, `${'s'.repeat(252)}.py`],
];

describe('file paths', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it.each(BAD_PATHS)('refuses %s with 422 invalid_path', async (_case, path, reason) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...alice.auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ path, content: '' }),
    });

    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ code: 'invalid_path', status: 422 });
    expect(body.detail).toContain(reason);
    expect(body.errors).toEqual([{ field: 'body.path', message: expect.stringContaining(reason) }]);
  });

  it.each(BAD_PATHS)('refuses a rename to %s', async (_case, path, reason) => {
    const file = await postFile(t.app, alice, { path: `rename-${_case}.txt`, content: '' });

    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: { ...alice.auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ path }),
    });

    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'invalid_path' });
    expect(res.json().detail).toContain(reason);
  });

  it.each(NORMALISED)('stores %s in normal form', async (_case, given, stored) => {
    const file = await postFile(t.app, alice, { path: given, content: '' });

    expect(file.path).toBe(stored);
  });
});
