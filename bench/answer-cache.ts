import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTinyModel } from '../src/engines/local/tiny-model.js';
import { type RedisServer, startRedis } from '../test/helpers/services.js';
import { addBenchAdmin } from './files-throughput.js';
import { freePort, startProcess, stopProcess, waitForHttp } from './lib/servers.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const MAX_TOKENS = Number(process.env.BENCH_MAX_TOKENS ?? 64);
const CODE = 'def total(items):\n    return sum(items)\n';

interface Figures {
  store: string;
  uncachedMs: number;
  cachedMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timedExplain(base: string, auth: Record<string, string>, cache: boolean) {
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/ai/explain`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ code: CODE, max_tokens: MAX_TOKENS, temperature: 0, cache }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`explain: ${response.status} ${text}`);
  return { ms, cache: response.headers.get('x-cache') };
}

/** One server process; uncached and cached requests interleaved, so drift hits both. */
async function measure(store: string, modelPath: string, env: Record<string, string>) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-bench-cache-'));
  await addBenchAdmin(dataDir);
  const port = await freePort();
  const server = startProcess(['dist/cli/main.js', 'serve', '--port', String(port)], {
    ATELIER_DATA_DIR: dataDir,
    ATELIER_BOOTSTRAP_ADMIN: 'false',
    ATELIER_MODEL: modelPath,
    ATELIER_MODEL_DOWNLOAD: 'false',
    ATELIER_ENGINE_THREADS: '1',
    ATELIER_RATE_LIMIT_EXPLAIN: '1000000',
    ATELIER_TOKEN_BUDGET: '0',
    // A server that just loaded its model may shed load; this measures answers.
    ATELIER_PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    ATELIER_PRESSURE_MAX_EVENT_LOOP_UTILIZATION: '0',
    ATELIER_LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`);
    while ((await fetch(`${base}/readyz`)).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const form = new URLSearchParams({ username: 'admin', password: 'bench-password-123' });
    const login = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', body: form });
    const { access_token } = (await login.json()) as { access_token: string };
    const auth = { authorization: `Bearer ${access_token}` };

    await timedExplain(base, auth, true);
    const uncached: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      uncached.push((await timedExplain(base, auth, false)).ms);
      const hit = await timedExplain(base, auth, true);
      if (hit.cache !== 'hit') throw new Error(`expected a cache hit, got ${hit.cache}`);
      cached.push(hit.ms);
    }
    return { store, uncachedMs: median(uncached), cachedMs: median(cached) };
  } finally {
    await stopProcess(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

const modelDir = await mkdtemp(path.join(tmpdir(), 'atelier-bench-model-'));
const modelPath = path.join(modelDir, 'tiny.gguf');
let redis: RedisServer | undefined;
try {
  await writeTinyModel(modelPath);
  redis = await startRedis();
  const figures: Figures[] = [
    await measure('in-process (lru-cache)', modelPath, {}),
    await measure('Redis', modelPath, { ATELIER_REDIS_URL: redis.url }),
  ];

  console.log(
    `POST /api/v1/ai/explain, tiny model, 1 thread, max_tokens ${MAX_TOKENS}, temperature 0; ` +
      `medians of ${ROUNDS} interleaved rounds`,
  );
  console.log('| cache store | uncached ms | cached ms | speed-up |');
  console.log('| --- | --- | --- | --- |');
  for (const f of figures) {
    const speedUp = (f.uncachedMs / f.cachedMs).toFixed(1);
    console.log(
      `| ${f.store} | ${f.uncachedMs.toFixed(2)} | ${f.cachedMs.toFixed(2)} | ${speedUp}x |`,
    );
  }
} finally {
  await redis?.close();
  await rm(modelDir, { recursive: true, force: true });
}
