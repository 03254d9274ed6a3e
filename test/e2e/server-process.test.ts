import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitForHttp } from '../../bench/lib/servers.js';
import { tinyModelPath } from '../helpers/tiny-model.js';

const CLI = path.resolve('dist/cli/main.js');
const PASSWORD = 'e2e-password-1234';
const SOURCES = [
  { file: 'colorsys.py', path: 'lib/colorsys.py', language: 'python' },
  { file: 'doc.ts', path: 'src/doc.ts', language: 'typescript' },
  { file: 'ms.js', path: 'vendor/ms.js', language: 'javascript' },
];

/**
 * The built server as a user runs it: a separate process, a user created
 * with the CLI, HTTP on a loopback port, real files, the real engine.
 */
describe('the built server, end to end', () => {
  let dataDir: string;
  let server: ChildProcess;
  let base: string;
  let stdout = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-e2e-'));
    const env = {
      ...process.env,
      ATELIER_DATA_DIR: dataDir,
      ATELIER_MODEL: tinyModelPath(),
      ATELIER_ENGINE_THREADS: '1',
      ATELIER_ENGINE_CONTEXT_SIZE: '8192',
    };

    const added = spawnSync(process.execPath, [CLI, 'user', 'add', 'ada', '--password-stdin'], {
      input: `${PASSWORD}\n`,
      env,
    });
    expect(added.status, String(added.stderr)).toBe(0);

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], { env });
    server.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    await waitForHttp(`${base}/healthz`);
    await waitForReady(base);
  });

  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('logs in, uploads real files and runs every AI operation on each', async () => {
    const token = await logIn(base);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    for (const source of SOURCES) {
      const content = await readFile(path.join('test/fixtures/sources', source.file), 'utf8');
      const created = await fetch(`${base}/api/v1/files`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ path: source.path, content }),
      });
      expect(created.status, source.file).toBe(201);
      const file = (await created.json()) as { id: string; language: string };
      expect(file.language).toBe(source.language);

      const completion = await post(base, '/api/v1/ai/complete', auth, {
        file_id: file.id,
        cursor: { line: 3, column: 1 },
        max_tokens: 16,
      });
      expect(completion).toMatchObject({ mode: 'infill', usage: expect.any(Object) });

      const explanation = await post(base, '/api/v1/ai/explain', auth, {
        file_id: file.id,
        max_tokens: 32,
      });
      expect(explanation.explanation).toEqual(expect.any(String));

      const refactor = await post(base, '/api/v1/ai/refactor', auth, {
        file_id: file.id,
        max_tokens: 256,
      });
      expect(refactor.suggestions).toEqual(expect.any(Array));
      for (const suggestion of refactor.suggestions as { edit: { search: string } }[]) {
        expect(content.split(suggestion.edit.search)).toHaveLength(2);
      }
    }
  });

  it('finishes an in-flight request on SIGTERM, then exits cleanly', async () => {
    const token = await logIn(base);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));

    const inFlight = fetch(`${base}/api/v1/ai/explain`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ code: 'print(1)', language: 'python', max_tokens: 256 }),
    });
    await new Promise((r) => setTimeout(r, 50));
    server.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await exited).toBe(0);
    expect(stdout).not.toContain(PASSWORD);
  });
});

describe('starting the built server', () => {
  it('exits with status 1 and says why when the port is taken', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-e2e-port-'));
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));

    const result = spawnSync(process.execPath, [CLI, 'serve', '--port', String(port)], {
      env: { ...process.env, ATELIER_DATA_DIR: dataDir, ATELIER_MODEL_DOWNLOAD: 'false' },
      encoding: 'utf8',
    });
    blocker.close();
    await rm(dataDir, { recursive: true, force: true });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('EADDRINUSE');
  });
});

async function waitForReady(base: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const res = await fetch(`${base}/readyz`);
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server never became ready');
}

async function logIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'ada', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function post(base: string, url: string, headers: Record<string, string>, body: object) {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  expect(res.status, `${url}: ${JSON.stringify(json)}`).toBe(200);
  return json;
}
