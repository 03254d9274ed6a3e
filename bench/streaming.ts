import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getLlama, LlamaCompletion, type LlamaContext, LlamaLogLevel } from 'node-llama-cpp';
import WebSocket from 'ws';
import { writeTinyModel } from '../src/engines/local/tiny-model.js';
import { addBenchAdmin } from './files-throughput.js';
import { freePort, startProcess, stopProcess, waitForHttp } from './lib/servers.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MAX_TOKENS = Number(process.env.BENCH_MAX_TOKENS ?? 1000);
const TTFT_ROUNDS = Number(process.env.BENCH_TTFT_ROUNDS ?? 30);
const TTFT_TOKENS = 8;
const IDLE_SOCKETS = Number(process.env.BENCH_IDLE_SOCKETS ?? 1000);
const CONTEXT_SIZE = 4096;
const THREADS = 1;
// Greedy decoding of this prompt never meets an end token in the tiny model,
// so every run generates exactly MAX_TOKENS tokens.
const PROMPT = 'x = 1';

interface Run {
  ttftMs: number;
  totalMs: number;
  tokens: number;
}

interface Done {
  usage: { completion_tokens: number };
}

async function directRun(context: LlamaContext, maxTokens: number): Promise<Run> {
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

async function sseRun(base: string, auth: Record<string, string>, maxTokens: number): Promise<Run> {
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

function wsRun(socket: WebSocket, id: number, maxTokens: number): Promise<Run> {
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

const PATHS = ['direct', 'sse', 'ws'] as const;
type Path = (typeof PATHS)[number];

async function interleave(
  paths: Record<Path, (round: number, maxTokens: number) => Promise<Run>>,
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

const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-bench-stream-'));
const modelPath = path.join(dataDir, 'tiny.gguf');
await writeTinyModel(modelPath);
await addBenchAdmin(dataDir);
const port = await freePort();
const server = startProcess(['dist/cli/main.js', 'serve', '--port', String(port)], {
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
const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });

try {
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/healthz`);
  while ((await fetch(`${base}/readyz`)).status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const token = await login(base);
  const auth = { authorization: `Bearer ${token}` };
  const wsUrl = `ws://127.0.0.1:${port}/ws/code-completion`;
  const socket = await openSocket(wsUrl, token);

  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({
    contextSize: CONTEXT_SIZE,
    sequences: 1,
    threads: THREADS,
  });

  // Interleaved so that drift and other load hit all three alike. Time to
  // first token is measured on short back-to-back runs, so that no path
  // starts on a process that sat idle while another path ran.
  const paths: Record<Path, (round: number, maxTokens: number) => Promise<Run>> = {
    direct: (_round, maxTokens) => directRun(context, maxTokens),
    sse: (_round, maxTokens) => sseRun(base, auth, maxTokens),
    ws: (round, maxTokens) => wsRun(socket, round, maxTokens),
  };
  const long = await interleave(paths, ROUNDS, MAX_TOKENS);
  const short = await interleave(paths, TTFT_ROUNDS, TTFT_TOKENS);
  socket.close();
  await context.dispose();
  await model.dispose();

  const names: Record<Path, string> = {
    direct: 'node-llama-cpp direct',
    sse: 'SSE POST /ai/complete',
    ws: 'WebSocket /ws/code-completion',
  };
  const rate = (runs: Run[]) => median(runs.map((r) => (r.tokens / r.totalMs) * 1000));
  const ttft = (runs: Run[]) => median(runs.map((r) => r.ttftMs));
  console.log(
    `tiny model, greedy, ${THREADS} thread: throughput over ${ROUNDS} runs of ${MAX_TOKENS} ` +
      `tokens, time to first token over ${TTFT_ROUNDS} runs of ${TTFT_TOKENS} (medians)`,
  );
  console.log('| path | tokens/s | TTFT ms | throughput vs direct | added TTFT ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const path of PATHS) {
    const ratio = ((rate(long[path]) / rate(long.direct)) * 100).toFixed(1);
    const added = (ttft(short[path]) - ttft(short.direct)).toFixed(2);
    const cells = [names[path], rate(long[path]).toFixed(0), ttft(short[path]).toFixed(2)];
    console.log(`| ${[...cells, `${ratio}%`, added].join(' | ')} |`);
  }
  console.log('targets: throughput >= 97% of direct, added TTFT < 5 ms');
  const roundTrip = await roundTripMs(base, auth);
  console.log(`for reference, GET /api/v1/users/me round trip: ${roundTrip.toFixed(2)} ms`);

  const idle = await idleSocketCost(server.pid as number, wsUrl, token);
  console.log(
    `\n${IDLE_SOCKETS} idle authenticated WebSockets: server RSS ${(idle.before / 1024).toFixed(1)}` +
      ` -> ${(idle.after / 1024).toFixed(1)} MiB, ${idle.perSocketKiB.toFixed(1)} KiB per connection`,
  );
} finally {
  await llama.dispose();
  await stopProcess(server);
  await rm(dataDir, { recursive: true, force: true });
}
