import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, startProcess, stopProcess, waitForHttp } from './lib/servers.js';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SAMPLE_FILE = 'node_modules/fastify/lib/reply.js';

interface Run {
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface Figures extends Run {
  name: string;
}

export interface Throughput {
  ceiling: Figures;
  api: Figures;
  /** Median over rounds of atelier / node:http within the round. */
  ratio: number;
  rounds: number;
}

async function measure(url: string, headers: Record<string, string>): Promise<Run> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function summarise(name: string, runs: Run[]): Figures {
  return {
    name,
    requestsPerSec: median(runs.map((r) => r.requestsPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}

/**
 * Both servers are loaded in alternating rounds and the ratio is taken
 * within each round: this machine's speed drifts by a third over minutes
 * (other tenants of the host), which a single run of each would measure.
 */
async function interleaved(targets: { url: string; headers: Record<string, string> }[]) {
  for (const { url, headers } of targets) {
    await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  }
  const runs: Run[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < targets.length; i++) {
      const index = (round + i) % targets.length;
      const target = targets[index] as (typeof targets)[number];
      (runs[index] as Run[]).push(await measure(target.url, target.headers));
    }
  }
  return runs;
}

async function prepareAtelier(base: string) {
  const password = 'bench-password-123';
  const form = new URLSearchParams({ username: 'admin', password });
  const token = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', body: form });
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${accessToken}` };

  const content = await readFile(SAMPLE_FILE, 'utf8');
  const created = await fetch(`${base}/api/v1/files`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ path: 'src/reply.js', content }),
  });
  const { id } = (await created.json()) as { id: string };
  return { auth, url: `${base}/api/v1/files/${id}` };
}

/**
 * Authenticated `GET /api/v1/files/{id}` against a bare node:http server
 * sending the same bytes, both in child processes, loaded from this one.
 */
export async function benchFilesThroughput(): Promise<Throughput> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-bench-'));
  await addBenchAdmin(dataDir);
  const port = await freePort();
  const atelier = startProcess(['dist/cli/main.js', 'serve', '--port', String(port)], {
    ATELIER_DATA_DIR: dataDir,
    ATELIER_BOOTSTRAP_ADMIN: 'false',
    ATELIER_MODEL: path.join(dataDir, 'none.gguf'),
    ATELIER_MODEL_DOWNLOAD: 'false',
  });
  const cleanup: (() => Promise<void>)[] = [
    () => stopProcess(atelier),
    () => rm(dataDir, { recursive: true, force: true }),
  ];

  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`);
    const { auth, url } = await prepareAtelier(base);

    const sample = await fetch(url, { headers: auth });
    const responseFile = path.join(dataDir, 'response.json');
    await writeFile(
      responseFile,
      JSON.stringify({
        body: await sample.text(),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          etag: sample.headers.get('etag'),
        },
      }),
    );
    const basePort = await freePort();
    const baseline = startProcess([
      'bench/lib/baseline-server.mjs',
      String(basePort),
      responseFile,
    ]);
    cleanup.unshift(() => stopProcess(baseline));
    await waitForHttp(`http://127.0.0.1:${basePort}/`);

    const [ceilingRuns = [], apiRuns = []] = await interleaved([
      { url: `http://127.0.0.1:${basePort}/`, headers: auth },
      { url, headers: auth },
    ]);
    const ratios = apiRuns.map(
      (run, i) => run.requestsPerSec / (ceilingRuns[i] as Run).requestsPerSec,
    );
    return {
      ceiling: summarise('node:http ceiling', ceilingRuns),
      api: summarise('atelier GET /api/v1/files/{id}', apiRuns),
      ratio: median(ratios),
      rounds: ROUNDS,
    };
  } finally {
    for (const step of cleanup) await step();
  }
}

/** An administrator `admin` with the bench password, added with the CLI. */
export async function addBenchAdmin(dataDir: string): Promise<void> {
  const result = spawnSync(
    process.execPath,
    ['dist/cli/main.js', 'user', 'add', 'admin', '--admin', '--password-stdin'],
    { input: 'bench-password-123\n', env: { ...process.env, ATELIER_DATA_DIR: dataDir } },
  );
  if (result.status !== 0) throw new Error(`user add failed: ${result.stderr}`);
}
