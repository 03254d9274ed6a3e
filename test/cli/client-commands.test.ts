import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/lib/servers.js';
import { buildTinyModelApp, PYTHON } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';
import { addUser } from '../helpers/app.js';
import { type BuiltCli, buildCli } from '../helpers/build-cli.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let cli: BuiltCli;
let home: string;

// Compiling competes with other test files for two cores.
beforeAll(async () => {
  cli = await buildCli('client-cli');
}, 240_000);
afterAll(() => cli?.remove());

/**
 * Runs the built binary as a child process, without blocking this process's
 * event loop: the server it talks to runs here. Standard input is a pipe.
 */
function atelier(args: string[], options: { input?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli.main, ...args], {
      cwd: options.cwd ?? path.join(home, 'work'),
      env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

function credentialsPath(): string {
  return path.join(home, 'config', 'atelier', 'credentials.json');
}

async function freshHome(): Promise<void> {
  home = await mkdtemp(path.join(tmpdir(), 'atelier-client-cli-'));
  await mkdir(path.join(home, 'work', 'src'), { recursive: true });
}

async function served(env: Record<string, string> = {}) {
  const t = await buildTinyModelApp(env);
  const base = await listenOnLoopback(t);
  const user = await addUser(t.app, 'ada');
  return { t, base, user };
}

async function loginAs(base: string, password: string): Promise<Run> {
  return atelier(['login', base, '--username', 'ada', '--password-stdin'], {
    input: `${password}\n`,
  });
}

describe('atelier as a client of a running server', () => {
  let t: TestApp;
  let base: string;
  let password: string;

  beforeAll(async () => {
    await freshHome();
    ({
      t,
      base,
      user: { password },
    } = await served());
  });
  afterAll(async () => {
    await closeListening(t);
    await rm(home, { recursive: true, force: true });
  });

  it('documents the exit codes in --help', async () => {
    const help = await atelier(['--help']);

    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {2}done\n/);
    expect(help.stdout).toMatch(/ {2}5 {2}rate limited/);
    for (const command of [
      'login',
      'files',
      'complete',
      'explain',
      'refactor',
      'analyze',
      'usage',
    ]) {
      expect(help.stdout, command).toContain(`\n  ${command} `);
    }
  });

  it('exits 3 before login and 2 on a bad command line', async () => {
    const before = await atelier(['files', 'ls']);
    expect(before).toMatchObject({ code: 3, stdout: '' });
    expect(before.stderr).toMatch(/^atelier: not logged in: run `atelier login URL` first/);

    const cases = [
      ['login', 'not a url', '--username', 'ada', '--password-stdin'],
      ['login', base, '--username', 'ada'],
      ['complete', 'src/app.py:3'],
      ['complete', 'src/app.py:0:1'],
      ['explain', 'src/app.py', '--max-tokens', 'many'],
    ];
    for (const args of cases) expect((await atelier(args)).code, args.join(' ')).toBe(2);
  });

  it('refuses a wrong password with exit 3 and an unreachable server with exit 5', async () => {
    const wrong = await loginAs(base, 'not-the-password');
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/\[invalid_credentials\]/);

    const closed = await loginAs(`http://127.0.0.1:${await freePort()}`, password);
    expect(closed.code).toBe(5);
    expect(closed.stderr).toMatch(/cannot reach the server/);
  });

  it('logs in and keeps the session in the config folder with mode 0600', async () => {
    const login = await loginAs(base, password);

    expect(login).toMatchObject({ code: 0, stdout: `logged in to ${base} as ada\n` });
    expect((await stat(credentialsPath())).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(credentialsPath()))).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(await readFile(credentialsPath(), 'utf8'));
    expect(saved).toMatchObject({
      url: base,
      username: 'ada',
      tokens: { accessToken: expect.any(String) },
    });
  });

  it('pushes, lists, pulls and removes files', async () => {
    const work = path.join(home, 'work');
    await writeFile(path.join(work, 'src/total.py'), PYTHON);
    await writeFile(path.join(work, 'src/x.py'), 'x = 1\n');

    const first = await atelier(['files', 'push', 'src']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('created src/total.py (version 1)\ncreated src/x.py (version 1)\n');
    await writeFile(path.join(work, 'src/x.py'), 'x = 2\n');
    const second = JSON.parse((await atelier(['files', 'push', 'src', '--json'])).stdout);
    expect(second.map((r: { action: string }) => r.action)).toEqual(['unchanged', 'updated']);

    const listed = JSON.parse((await atelier(['files', 'ls', '--json'])).stdout);
    expect(listed.map((f: { path: string; version: number }) => [f.path, f.version])).toEqual([
      ['src/total.py', 1],
      ['src/x.py', 2],
    ]);
    expect((await atelier(['files', 'ls', 'src/t'])).stdout).toMatch(
      /^PATH\s+LANGUAGE.*\nsrc\/total\.py\s+python\s/,
    );

    expect((await atelier(['files', 'pull', 'src/', 'copy'])).code).toBe(0);
    expect(await readFile(path.join(work, 'copy/src/total.py'), 'utf8')).toBe(PYTHON);
    expect((await atelier(['files', 'pull', 'src/x.py', '-'])).stdout).toBe('x = 2\n');

    expect((await atelier(['files', 'rm', 'src/x.py'])).code).toBe(0);
    const again = await atelier(['files', 'rm', 'src/x.py']);
    expect(again.code).toBe(4);
    expect(again.stderr).toBe('atelier: no stored file at src/x.py [file_not_found]\n');
  });

  it('streams a completion, also as JSON lines whose tokens add up to the answer', async () => {
    const args = ['complete', 'src/total.py:3:5', '--max-tokens', '24'];
    const streamed = await atelier(args);
    const events = await atelier([...args, '--events']);

    expect(streamed).toMatchObject({ code: 0, stderr: '' });
    expect(streamed.stdout.length).toBeGreaterThan(0);
    const lines = events.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const done = lines.at(-1);
    expect(done).toMatchObject({ type: 'done', mode: 'infill', finish_reason: expect.any(String) });
    const tokens = lines.slice(0, -1);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((line) => line.type === 'token')).toBe(true);
    expect(tokens.map((line) => line.text).join('')).toBe(done.completion);
  });

  it('streams an explanation, and prints the whole answer as JSON on request', async () => {
    const streamed = await atelier(['explain', 'src/total.py', '--max-tokens', '24']);
    const whole = await atelier(['explain', 'src/total.py', '--max-tokens', '24', '--json']);

    expect(streamed.code).toBe(0);
    expect(streamed.stdout.length).toBeGreaterThan(0);
    expect(JSON.parse(whole.stdout)).toMatchObject({
      explanation: expect.any(String),
      usage: { completion_tokens: expect.any(Number) },
    });
  });

  it('suggests refactorings and applies them to the stored file with --apply', async () => {
    const shown = await atelier(['refactor', 'src/total.py', '--max-tokens', '400', '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ suggestions: expect.any(Array) });

    const applied = await atelier([
      'refactor',
      'src/total.py',
      '--apply',
      '--max-tokens',
      '400',
      '--json',
    ]);
    expect(applied.code).toBe(0);
    const result = JSON.parse(applied.stdout);
    const listed = JSON.parse((await atelier(['files', 'ls', 'src/total.py', '--json'])).stdout);
    expect(listed[0].version).toBe(result.applied.file.version);
    expect(listed[0].version).toBe(result.applied.written ? 2 : 1);

    const text = await atelier(['refactor', 'src/total.py', '--max-tokens', '400']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^(1\. .+|no suggestions \(\d+ discarded as not applicable\))\n/);
  });

  it('runs an analysis job to its report, and exits 1 on unknown checks', async () => {
    const checks = 'symbols,metrics,long_functions,duplicates';
    const run = await atelier(['analyze', 'src/', '--checks', checks, '--json']);
    const bad = await atelier(['analyze', 'src/', '--checks', 'vibes']);

    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout);
    expect(job.status).toBe('succeeded');
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.result.files).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'src/total.py' })]),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\[validation_failed\]/);
  });

  it('shows usage with the generations made so far', async () => {
    const json = JSON.parse((await atelier(['usage', '--json'])).stdout);
    const table = await atelier(['usage']);

    const operations = json.items.map((i: { operation: string }) => i.operation).sort();
    expect(operations).toEqual(['complete', 'explain', 'refactor']);
    expect(json.totals.requests).toBe(7);
    expect(table.stdout).toMatch(/\ntotal\s+7\s/);
  });

  it('refreshes a refused access token and saves the new tokens, still 0600', async () => {
    const saved = JSON.parse(await readFile(credentialsPath(), 'utf8'));
    saved.tokens.accessToken = 'not-a-token';
    await writeFile(credentialsPath(), JSON.stringify(saved), { mode: 0o600 });

    expect((await atelier(['files', 'ls'])).code).toBe(0);

    const after = JSON.parse(await readFile(credentialsPath(), 'utf8'));
    expect(after.tokens.accessToken).not.toBe('not-a-token');
    expect(after.tokens.refreshToken).not.toBe(saved.tokens.refreshToken);
    expect((await stat(credentialsPath())).mode & 0o777).toBe(0o600);
  });

  it('puts the problem body on stderr for --json', async () => {
    const run = await atelier(['explain', 'src/total.py', '--max-tokens', '5000', '--json']);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const [line, body] = run.stderr.trimEnd().split('\n');
    expect(line).toMatch(/^atelier: .*\[validation_failed\]$/);
    expect(JSON.parse(body ?? '')).toMatchObject({ status: 422, code: 'validation_failed' });
  });

  it('logs out: the session ends on the server and the file goes', async () => {
    const saved = JSON.parse(await readFile(credentialsPath(), 'utf8'));

    expect(await atelier(['logout'])).toMatchObject({ code: 0, stdout: `logged out of ${base}\n` });

    await expect(stat(credentialsPath())).rejects.toThrow(/ENOENT/);
    const refresh = await fetch(`${base}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: saved.tokens.refreshToken }),
    });
    expect(refresh.status).toBe(401);
    expect((await atelier(['usage'])).code).toBe(3);
  });
});

describe('atelier when the server limits it', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    await freshHome();
    let password: string;
    ({
      t,
      base,
      user: { password },
    } = await served({ ATELIER_RATE_LIMIT_EXPLAIN: '1' }));
    await loginAs(base, password);
    await writeFile(path.join(home, 'work/src/a.py'), 'a = 1\n');
    await atelier(['files', 'push', 'src/a.py']);
  });
  afterAll(async () => {
    await closeListening(t);
    await rm(home, { recursive: true, force: true });
  });

  it('exits 5 when rate limited, saying how long to wait', async () => {
    expect((await atelier(['explain', 'src/a.py', '--max-tokens', '4'])).code).toBe(0);

    const limited = await atelier(['explain', 'src/a.py', '--max-tokens', '4']);

    expect(limited.code).toBe(5);
    expect(limited.stderr).toMatch(/\[rate_limited\]; retry in \d+ s\n$/);
  });
});
