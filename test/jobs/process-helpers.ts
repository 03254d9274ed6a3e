import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { freePort, waitForHttp } from '../../bench/lib/servers.js';
import { tinyModelPath } from '../helpers/tiny-model.js';
import type { JobBody } from './job-helpers.js';

const CLI = path.resolve('dist/cli/main.js');
export const PASSWORD = 'jobs-e2e-password-1234';

/** A built Atelier process (`serve` or `worker`) with its log lines kept. */
export interface AtelierProcess {
  child: ChildProcess;
  base?: string;
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
}

export function processEnv(dataDir: string, env: Record<string, string> = {}) {
  return {
    ...process.env,
    ATELIER_DATA_DIR: dataDir,
    ATELIER_MODEL: tinyModelPath(),
    ATELIER_MODEL_DOWNLOAD: 'false',
    ATELIER_ENGINE_THREADS: '1',
    ATELIER_ENGINE_CONTEXT_SIZE: '4096',
    ATELIER_JOB_LEASE_MS: '1000',
    ATELIER_JOB_POLL_MS: '250',
    ATELIER_PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    ATELIER_PRESSURE_MAX_EVENT_LOOP_UTILIZATION: '0',
    ...env,
  };
}

export function addCliUser(dataDir: string, username: string, env: Record<string, string> = {}) {
  const added = spawnSync(process.execPath, [CLI, 'user', 'add', username, '--password-stdin'], {
    input: `${PASSWORD}\n`,
    env: processEnv(dataDir, env),
  });
  if (added.status !== 0) throw new Error(`user add failed: ${added.stderr}`);
}

function spawnAtelier(args: string[], env: NodeJS.ProcessEnv): AtelierProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env });
  const logs: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {}
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, logs, exited };
}

export async function startServe(dataDir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const proc = spawnAtelier(['serve', '--port', String(port)], processEnv(dataDir, env));
  proc.base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${proc.base}/healthz`);
  await waitForReady(proc.base);
  return proc;
}

export async function startWorker(dataDir: string, env: Record<string, string> = {}) {
  const proc = spawnAtelier(['worker'], processEnv(dataDir, env));
  for (let i = 0; i < 600; i += 1) {
    if (proc.logs.some((l) => l.msg === 'local model ready')) return proc;
    if (proc.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('worker did not start');
}

export async function kill(proc: AtelierProcess, signal: NodeJS.Signals = 'SIGKILL') {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill(signal);
  await proc.exited;
}

async function waitForReady(base: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const res = await fetch(`${base}/readyz`);
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server never became ready');
}

export async function logIn(base: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' };
}

export async function api(
  base: string,
  auth: Record<string, string>,
  method: string,
  url: string,
  body?: object,
) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: auth,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function uploadSlowFiles(base: string, auth: Record<string, string>, count: number) {
  for (let i = 0; i < count; i += 1) {
    const content = `def f${i}(x):\n    if x > ${i}:\n        return x\n    return ${i}\n`;
    const res = await api(base, auth, 'POST', '/api/v1/files', {
      path: `slow/f${String(i).padStart(3, '0')}.py`,
      content,
    });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status}`);
  }
}

/** Polls a job over HTTP until `done` holds. */
export async function pollJob(
  base: string,
  auth: Record<string, string>,
  id: string,
  done: (job: JobBody) => boolean,
  timeoutMs = 90_000,
): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api(base, auth, 'GET', `/api/v1/jobs/${id}`);
    const job = body as unknown as JobBody;
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} stuck: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every event of a finished job, read over SSE. */
export async function eventTypes(base: string, auth: Record<string, string>, id: string) {
  const res = await fetch(`${base}/api/v1/jobs/${id}/events`, { headers: auth });
  const text = await res.text();
  return [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
}
