import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, stopProcess, waitForHttp } from '../../bench/lib/servers.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';

const CLI = path.resolve('dist/cli/main.js');
const PASSWORD = 'processes-password-1';

/** The built server, twice, as separate processes on one PostgreSQL database. */
describe('two server processes on one PostgreSQL database', () => {
  let url: string;
  let dataDir: string;
  const servers: ChildProcess[] = [];
  const bases: string[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-processes-'));
    const env = {
      ATELIER_DATABASE_URL: url,
      ATELIER_SECRET_KEY: randomBytes(32).toString('hex'),
      ATELIER_DATA_DIR: dataDir,
      ATELIER_MODEL: path.join(dataDir, 'no-model.gguf'),
      ATELIER_MODEL_DOWNLOAD: 'false',
      ATELIER_LOG_LEVEL: 'silent',
      ATELIER_BOOTSTRAP_ADMIN: 'false',
    };
    const added = spawnSync(process.execPath, [CLI, 'user', 'add', 'ada', '--password-stdin'], {
      input: `${PASSWORD}\n`,
      env: { ...process.env, ...env },
    });
    expect(added.status, String(added.stderr)).toBe(0);

    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      servers.push(startProcess([CLI, 'serve', '--port', String(port)], env));
      bases.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(bases.map((base) => waitForHttp(`${base}/healthz`)));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => stopProcess(server)));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (url) await dropTestDatabase(url);
  });

  const post = (base: string, route: string, body: object, headers = {}) =>
    fetch(`${base}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function signIn(base: string) {
    const res = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'ada', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { access_token: string; refresh_token: string };
  }

  it('refuses on one process a refresh token rotated on the other', async () => {
    const [first, second] = bases as [string, string];
    const tokens = await signIn(first);

    const rotated = await post(first, '/api/v1/auth/refresh', {
      refresh_token: tokens.refresh_token,
    });
    expect(rotated.status).toBe(200);
    const replay = await post(second, '/api/v1/auth/refresh', {
      refresh_token: tokens.refresh_token,
    });

    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'refresh_token_reused' });
  });

  it('lets one of two processes win a conditional write, and both read the winner', async () => {
    const [first, second] = bases as [string, string];
    const auth = { authorization: `Bearer ${(await signIn(second)).access_token}` };
    const created = await post(first, '/api/v1/files', { path: 'p.py', content: 'a' }, auth);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const etag = created.headers.get('etag') as string;

    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        fetch(`${bases[i % 2]}/api/v1/files/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': etag, ...auth },
          body: JSON.stringify({ content: `writer ${i}` }),
        }),
      ),
    );

    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    const winner = (await results.find((r) => r.status === 200)?.json()) as { content: string };
    for (const base of bases) {
      const read = await fetch(`${base}/api/v1/files/${id}`, { headers: auth });
      expect(await read.json()).toMatchObject({ version: 2, content: winner.content });
    }
  });
});
