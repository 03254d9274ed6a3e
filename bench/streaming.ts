import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  getLlama,
  type Llama,
  LlamaCompletion,
  type LlamaContext,
  LlamaLogLevel,
} from 'node-llama-cpp';
import WebSocket from 'ws';
import { type TinyModelOptions, writeTinyModel } from '../src/engines/local/tiny-model.js';
import { addBenchAdmin } from './files-throughput.js';
import { freePort, startProcess, stopProcess, waitForHttp } from './lib/servers.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const TTFT_ROUNDS = Number(process.env.BENCH_TTFT_ROUNDS ?? 30);
const TTFT_TOKENS = 8;
const IDLE_SOCKETS = Number(process.env.BENCH_IDLE_SOCKETS ?? 1000);
const MODELS = (process.env.BENCH_MODELS ?? 'tiny,code').split(',');
const CONTEXT_SIZE = 4096;
const THREADS = 1;
const PROMPT = 'x = 1';

interface ModelCase {
  title: string;
  options: TinyModelOptions;
  maxTokens: number;
}

// Greedy decoding of PROMPT meets no end token within maxTokens in either
// model, so every run of a case generates the same number of tokens.
const CASES: Record<string, ModelCase> = {
  tiny: {
    title: 'tiny test model (128 wide, 2 blocks)',
    options: {},
    maxTokens: Number(process.env.BENCH_MAX_TOKENS ?? 1000),
  },
  // About 90M parameters in F16: decodes at the pace of a small code model
  // on one thread, where a token takes milliseconds rather than a fraction.
  code: {
    title: 'code-model-sized random model (768 wide, 12 blocks)',
    options: {
      seed: 3,
      shape: { embedding: 768, blocks: 12, heads: 12, kvHeads: 4, feedForward: 2048 },
    },
    maxTokens: Number(process.env.BENCH_CODE_MAX_TOKENS ?? 200),
  },
};

interface Run {
  ttftMs: number;
  totalMs: number;
  tokens: number;
  /** CPU time of every process involved: bench client, and server if any. */
  cpuMs: number;
}

type Timing = Omit<Run, 'cpuMs'>;

interface Done {
  usage: { completion_tokens: number };
}

async function directRun(context: LlamaContext, maxTokens: number): Promise<Timing> {
  const sequence = context.getSequence();
  const completion = new LlamaCompletion({ contextSequence: sequence });
  let first: number | undefined;
  let tokens = 0;
  const started = performance.now();
  await completion.generateCompletionWithMeta(PROMPT, {
    maxTokens,
    temperature: 0,
    onToken: (chunk) => {
      tokens += chunk.length;
    },
    onTextChunk: () => {
      first ??= performance.now();
    },
  });
  const ended = performance.now();
  completion.dispose();
  await sequence.dispose();
  return { ttftMs: (first ?? ended) - started, totalMs: ended - started, tokens };
}

async function sseRun(
  base: string,
  auth: Record<string, string>,
  maxTokens: number,
): Promise<Timing> {
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/ai/complete`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ code: PROMPT, max_tokens: maxTokens, temperature: 0, stream: true }),
  });
  if (!response.body) throw new Error(`no body: ${response.status}`);
  const decoder = new TextDecoder();
  let first: number | undefined;
  let text = '';
  for await (const chunk of response.body) {
    first ??= performance.now();
    text += decoder.decode(chunk as Uint8Array, { stream: true });
  }
  const ended = performance.now();
  const doneAt = text.lastIndexOf('event: done\ndata: ');
  if (doneAt < 0) throw new Error(`stream without done: ${text.slice(-300)}`);
  const done = JSON.parse(text.slice(doneAt + 18).trim()) as Done;
  return {
    ttftMs: (first ?? ended) - started,
    totalMs: ended - started,
    tokens: done.usage.completion_tokens,
  };
}

function wsRun(socket: WebSocket, id: number, maxTokens: number): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first: number | undefined;
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { type: string; id: number } & Done;
      if (message.id !== id) return;
      if (message.type === 'token') first ??= performance.now();
      else if (message.type === 'done' || message.type === 'error') {
        socket.off('message', onMessage);
        const ended = performance.now();
        if (message.type === 'error') reject(new Error(JSON.stringify(message)));
        const tokens = message.usage.completion_tokens;
        resolve({ ttftMs: (first ?? ended) - started, totalMs: ended - started, tokens });
      }
    };
    socket.on('message', onMessage);
    socket.send(
      JSON.stringify({
        type: 'complete',
        id,
        code: PROMPT,
        max_tokens: maxTokens,
        temperature: 0,
      }),
    );
  });
}

function openSocket(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['bearer', token]);
    socket.once('message', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** CPU time of all of a process's threads so far, from the scheduler's counters. */
async function processCpuMs(pid: number): Promise<number> {
  const dir = `/proc/${pid}/task`;
  let ns = 0;
  for (const task of await readdir(dir)) {
    const stat = await readFile(`${dir}/${task}/schedstat`, 'utf8').catch(() => '0');
    ns += Number(stat.split(' ')[0]);
  }
  return ns / 1e6;
}

/** Times one run, and the CPU the bench process and the server spent on it. */
async function measured(serverPid: number | undefined, run: () => Promise<Timing>) {
  const ownBefore = process.cpuUsage();
  const serverBefore = serverPid === undefined ? 0 : await processCpuMs(serverPid);
  const timing = await run();
  const own = process.cpuUsage(ownBefore);
  const serverAfter = serverPid === undefined ? 0 : await processCpuMs(serverPid);
  const cpuMs = (own.user + own.system) / 1000 + serverAfter - serverBefore;
  return { ...timing, cpuMs };
}

const PATHS = ['direct', 'sse', 'ws'] as const;
type Path = (typeof PATHS)[number];
type Runner = (round: number, maxTokens: number) => Promise<Run>;

async function interleave(
  paths: Record<Path, Runner>,
  rounds: number,
  maxTokens: number,
): Promise<Record<Path, Run[]>> {
  const runs: Record<Path, Run[]> = { direct: [], sse: [], ws: [] };
  for (const path of PATHS) await paths[path](0, maxTokens);
  for (let round = 1; round <= rounds; round++) {
    // Rotating the order: no path always follows the same one.
    for (let i = 0; i < PATHS.length; i++) {
      const path = PATHS[(round + i) % PATHS.length] as Path;
      runs[path].push(await paths[path](round, maxTokens));
    }
  }
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** An authenticated request without generation: what HTTP and auth cost alone. */
async function roundTripMs(base: string, auth: Record<string, string>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await (await fetch(`${base}/api/v1/users/me`, { headers: auth })).arrayBuffer();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
}

async function idleSocketCost(pid: number, url: string, token: string) {
  const before = await rssKiB(pid);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < IDLE_SOCKETS; i += 50) {
    const batch = Array.from({ length: Math.min(50, IDLE_SOCKETS - i) }, () =>
      openSocket(url, token),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await rssKiB(pid);
  for (const socket of sockets) socket.terminate();
  return { before, after, perSocketKiB: (after - before) / IDLE_SOCKETS };
}

async function login(base: string): Promise<string> {
  const form = new URLSearchParams({ username: 'admin', password: 'bench-password-123' });
  const response = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', body: form });
  return ((await response.json()) as { access_token: string }).access_token;
}

interface Server {
  process: ChildProcess;
  pid: number;
  base: string;
  wsUrl: string;
  token: string;
}

async function startServer(dataDir: string, modelPath: string): Promise<Server> {
  const port = await freePort();
  const child = startProcess(['dist/cli/main.js', 'serve', '--port', String(port)], {
    ATELIER_DATA_DIR: dataDir,
    ATELIER_BOOTSTRAP_ADMIN: 'false',
    ATELIER_MODEL: modelPath,
    ATELIER_MODEL_DOWNLOAD: 'false',
    ATELIER_ENGINE_THREADS: String(THREADS),
    ATELIER_ENGINE_PARALLEL: '1',
    ATELIER_ENGINE_CONTEXT_SIZE: String(CONTEXT_SIZE),
    ATELIER_RATE_LIMIT_COMPLETE: '1000000',
    // Every run repeats one greedy request: the answer cache would serve them.
    ATELIER_AI_CACHE_TTL_MS: '0',
    ATELIER_LOG_LEVEL: 'warn',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/healthz`);
    while ((await fetch(`${base}/readyz`)).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const token = await login(base);
    const wsUrl = `ws://127.0.0.1:${port}/ws/code-completion`;
    return { process: child, pid: child.pid as number, base, wsUrl, token };
  } catch (err) {
    await stopProcess(child);
    throw err;
  }
}

const NAMES: Record<Path, string> = {
  direct: 'node-llama-cpp direct',
  sse: 'SSE POST /ai/complete',
  ws: 'WebSocket /ws/code-completion',
};

function rateOf(run: Run): number {
  return (run.tokens / run.totalMs) * 1000;
}

/**
 * Ratios are taken within each round, against the direct run of the same
 * round, and then the median over rounds: load from other processes on a
 * shared machine drifts over seconds and then hits both sides of a ratio.
 */
function printTable(kase: ModelCase, long: Record<Path, Run[]>, short: Record<Path, Run[]>) {
  console.log(
    `\n${kase.title}, greedy, ${THREADS} thread: throughput over ${ROUNDS} runs of ` +
      `${kase.maxTokens} tokens, time to first token over ${TTFT_ROUNDS} runs of ` +
      `${TTFT_TOKENS} (medians; ratios per round, against that round's direct run)`,
  );
  console.log(
    '| path | tokens/s | TTFT ms | throughput vs direct | added TTFT ms | CPU µs/token |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const path of PATHS) {
    const ratios = long[path].map((run, i) => rateOf(run) / rateOf(long.direct[i] as Run));
    const added = short[path].map((run, i) => run.ttftMs - (short.direct[i] as Run).ttftMs);
    const cpu = median(long[path].map((run) => (run.cpuMs / run.tokens) * 1000));
    const cells = [
      NAMES[path],
      median(long[path].map(rateOf)).toFixed(0),
      median(short[path].map((run) => run.ttftMs)).toFixed(2),
      `${(median(ratios) * 100).toFixed(1)}%`,
      median(added).toFixed(2),
      cpu.toFixed(0),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

async function benchModel(llama: Llama, dataDir: string, key: string, last: boolean) {
  const kase = CASES[key];
  if (!kase) throw new Error(`unknown model ${key}; known: ${Object.keys(CASES).join(', ')}`);
  const modelPath = path.join(dataDir, `${key}.gguf`);
  await writeTinyModel(modelPath, kase.options);
  const server = await startServer(dataDir, modelPath);
  const model = await llama.loadModel({ modelPath });
  try {
    const auth = { authorization: `Bearer ${server.token}` };
    const socket = await openSocket(server.wsUrl, server.token);
    const context = await model.createContext({
      contextSize: CONTEXT_SIZE,
      sequences: 1,
      threads: THREADS,
    });

    // Interleaved so that drift and other load hit all three alike. Time to
    // first token is measured on short back-to-back runs, so that no path
    // starts on a process that sat idle while another path ran.
    const paths: Record<Path, Runner> = {
      direct: (_round, max) => measured(undefined, () => directRun(context, max)),
      sse: (_round, max) => measured(server.pid, () => sseRun(server.base, auth, max)),
      ws: (round, max) => measured(server.pid, () => wsRun(socket, round, max)),
    };
    const long = await interleave(paths, ROUNDS, kase.maxTokens);
    const short = await interleave(paths, TTFT_ROUNDS, TTFT_TOKENS);
    socket.close();
    await context.dispose();
    printTable(kase, long, short);
    if (!last) return;

    console.log('targets: throughput >= 97% of direct, added TTFT < 5 ms');
    const roundTrip = await roundTripMs(server.base, auth);
    console.log(`for reference, GET /api/v1/users/me round trip: ${roundTrip.toFixed(2)} ms`);
    const idle = await idleSocketCost(server.pid, server.wsUrl, server.token);
    console.log(
      `\n${IDLE_SOCKETS} idle authenticated WebSockets: server RSS ` +
        `${(idle.before / 1024).toFixed(1)} -> ${(idle.after / 1024).toFixed(1)} MiB, ` +
        `${idle.perSocketKiB.toFixed(1)} KiB per connection`,
    );
  } finally {
    await model.dispose();
    await stopProcess(server.process);
    await rm(modelPath, { force: true });
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-bench-stream-'));
// The same runtime options as the server's (src/engines/local/llama-runtime.ts).
const llama = await getLlama({
  gpu: false,
  build: 'never',
  maxThreads: THREADS,
  logLevel: LlamaLogLevel.error,
});
try {
  await addBenchAdmin(dataDir);
  for (const [i, key] of MODELS.entries()) {
    await benchModel(llama, dataDir, key, i === MODELS.length - 1);
  }
} finally {
  await llama.dispose();
  await rm(dataDir, { recursive: true, force: true });
}
