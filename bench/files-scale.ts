import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startPostgres } from '../test/helpers/services.js';
import { freePort, startProcess, stopProcess, waitForHttp } from './lib/servers.js';

/**
 * Authenticated `GET /api/v1/files/{id}` on SQLite and on PostgreSQL, with
 * one and with two server processes sharing the database, in one run. The
 * load is 50 connections in total, split evenly over the processes.
 */

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const PASSWORD = 'bench-password-123';
const SAMPLE_FILE = 'node_modules/fastify/lib/reply.js';

interface Row {
  setup: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  failures: number;
}

async function load(urls: string[], headers: Record<string, string>, duration: number) {
  const per = Math.floor(CONNECTIONS / urls.length);
  return Promise.all(urls.map((url) => autocannon({ url, connections: per, duration, headers })));
}

async function signIn(base: string) {
  const form = new URLSearchParams({ username: 'admin', password: PASSWORD });
  const res = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', body: form });
  const { access_token: token } = (await res.json()) as { access_token: string };
  return { authorization: `Bearer ${token}` };
}

async function measureSetup(setup: string, env: Record<string, string>, processes: number) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-bench-scale-'));
  const all = {
    ...env,
    ATELIER_DATA_DIR: dataDir,
    ATELIER_BOOTSTRAP_ADMIN: 'false',
    ATELIER_MODEL: path.join(dataDir, 'none.gguf'),
    ATELIER_MODEL_DOWNLOAD: 'false',
    ATELIER_LOG_LEVEL: 'warn',
  };
  const added = spawnSync(
    process.execPath,
    ['dist/cli/main.js', 'user', 'add', 'admin', '--admin', '--password-stdin'],
    { input: `${PASSWORD}\n`, env: { ...process.env, ...all } },
  );
  if (added.status !== 0) throw new Error(`user add failed: ${added.stderr}`);

  const bases: string[] = [];
  const children = [];
  for (let i = 0; i < processes; i++) {
    const port = await freePort();
    children.push(startProcess(['dist/cli/main.js', 'serve', '--port', String(port)], all));
    bases.push(`http://127.0.0.1:${port}`);
  }
  try {
    await Promise.all(bases.map((base) => waitForHttp(`${base}/healthz`)));
    const auth = await signIn(bases[0] as string);
    const content = await readFile(SAMPLE_FILE, 'utf8');
    const created = await fetch(`${bases[0]}/api/v1/files`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ path: 'src/reply.js', content }),
    });
    const { id } = (await created.json()) as { id: string };
    const urls = bases.map((base) => `${base}/api/v1/files/${id}`);

    await load(urls, auth, 2);
    const results = await load(urls, auth, DURATION_S);
    return {
      setup,
      requestsPerSec: results.reduce((sum, r) => sum + r.requests.average, 0),
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      failures: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
    } satisfies Row;
  } finally {
    await Promise.all(children.map((child) => stopProcess(child)));
    await rm(dataDir, { recursive: true, force: true });
  }
}

const postgres = await startPostgres();
const rows: Row[] = [];
try {
  const secret = { ATELIER_SECRET_KEY: randomBytes(32).toString('hex') };
  for (const processes of [1, 2]) {
    rows.push(await measureSetup(`SQLite, ${processes} process(es)`, secret, processes));
    const pg = { ...secret, ATELIER_DATABASE_URL: await postgres.createDatabase() };
    rows.push(await measureSetup(`PostgreSQL, ${processes} process(es)`, pg, processes));
  }
} finally {
  await postgres.close();
}

console.log(`GET /api/v1/files/{id}, ${CONNECTIONS} connections in all, ${DURATION_S} s each`);
console.log('| setup | req/s | p50 ms (worst process) | p99 ms (worst process) | failures |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.setup} | ${r.requestsPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.failures} |`,
  );
}
const failed = rows.filter((r) => r.failures > 0);
if (failed.length > 0) throw new Error(`non-2xx answers in: ${failed.map((r) => r.setup)}`);
