import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../helpers/app.js';
import { type BuiltCli, buildCli } from '../helpers/build-cli.js';
import { testDatabaseEnv } from '../helpers/test-database.js';

describe('atelier CLI', () => {
  let dataDir: string;
  let cli: BuiltCli;
  let database: Record<string, string>;

  beforeAll(async () => {
    database = await testDatabaseEnv();
    cli = await buildCli('cli');
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-cli-'));
  }, 240_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await cli?.remove();
  });

  /** Runs the CLI as a user would; stdin is a pipe, never a terminal. */
  function atelier(args: string[], input = '') {
    const result = spawnSync(process.execPath, [cli.main, ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, ATELIER_DATA_DIR: dataDir, ATELIER_CONFIG_FILE: '', ...database },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function withServer<T>(work: (t: TestApp) => Promise<T>): Promise<T> {
    const t = await buildTestApp({ ATELIER_DATA_DIR: dataDir, ...database });
    try {
      return await work(t);
    } finally {
      await t.close();
    }
  }

  it.each([
    [['--help']],
    [['user', '--help']],
    [['user', 'add', '--help']],
    [['user', 'list', '--help']],
    [['user', 'passwd', '--help']],
    [['user', 'remove', '--help']],
    [['serve', '--help']],
  ])('prints help for %j and exits 0', (args) => {
    const { code, stdout } = atelier(args);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: atelier/);
  });

  it.each([
    ['a missing argument', ['user', 'add']],
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['user', 'list', '--yaml']],
    ['a bad port', ['serve', '--port', 'eighty']],
  ])('exits 2 on %s', (_case, args) => {
    const { code, stderr } = atelier(args);

    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: /);
  });

  it('adds a user from stdin who can then sign in over HTTP', async () => {
    const { code, stdout } = atelier(
      ['user', 'add', 'ada', '--admin', '--password-stdin'],
      'ada-password\n',
    );

    expect(code).toBe(0);
    expect(stdout).toBe('created administrator ada\n');
    await withServer(async (t) => {
      const tokens = await login(t.app, 'ada', 'ada-password');
      const me = await t.app.inject({
        url: '/api/v1/users/me',
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      expect(me.json()).toMatchObject({ username: 'ada', is_admin: true });
    });
  });

  it('generates and prints a password once when stdin is not a terminal', async () => {
    const { code, stdout } = atelier(['user', 'add', 'grace']);

    expect(code).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    await withServer((t) => login(t.app, 'grace', password));
  });

  it('fails with one line on stderr, exit 4 for conflicts and missing users, else 1', () => {
    const cases = [
      [['user', 'add', 'ada', '--password-stdin'], 'a-password', 'user "ada" already exists', 4],
      [['user', 'add', 'bad name', '--password-stdin'], 'a-password', 'username must be', 1],
      [['user', 'add', 'shorty', '--password-stdin'], 'short', 'password must be 8', 1],
      [['user', 'remove', 'nobody'], '', 'no user named "nobody"', 4],
    ] as const;

    for (const [args, input, message, exit] of cases) {
      const { code, stderr } = atelier([...args], input);
      expect(code, args.join(' ')).toBe(exit);
      expect(stderr, args.join(' ')).toMatch(new RegExp(`^atelier: ${message}.*\\n$`));
    }
  });

  it('lists users as a table and as JSON', () => {
    const table = atelier(['user', 'list']);
    const json = atelier(['user', 'list', '--json']);

    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^USERNAME\s+ADMIN\s+DISABLED\s+CREATED\s+ID$/);
    expect(table.stdout).toMatch(/^ada\s+yes\s+no\s/m);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ username: 'ada', is_admin: true, disabled: false }),
      expect.objectContaining({ username: 'grace', is_admin: false }),
    ]);
  });

  it('changes a password: the old one stops working', async () => {
    const { code } = atelier(['user', 'passwd', 'ada', '--password-stdin'], 'new-ada-password');

    expect(code).toBe(0);
    await withServer(async (t) => {
      await expect(login(t.app, 'ada', 'ada-password')).rejects.toThrow(/401/);
      await expect(login(t.app, 'ada', 'new-ada-password')).resolves.toBeTruthy();
    });
  });

  it('removes a user', () => {
    expect(atelier(['user', 'remove', 'grace']).code).toBe(0);

    const names = JSON.parse(atelier(['user', 'list', '--json']).stdout).map(
      (u: { username: string }) => u.username,
    );
    expect(names).toEqual(['ada']);
  });
});
