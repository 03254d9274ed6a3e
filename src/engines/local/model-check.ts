import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Loads a model file in a child process before the server loads it. A
 * malformed GGUF can fail a native assertion inside llama.cpp, which aborts
 * the whole process; in a child that costs only the child. The check loads
 * the model and evaluates a few tokens, which is where such asserts fire.
 * Pages the child reads stay in the OS cache, so the real load is quick.
 */

export type ModelCheckResult = { ok: true } | { ok: false; detail: string };

export interface ModelCheckOptions {
  threads: number;
  signal?: AbortSignal;
  timeoutMs?: number;
}

// CommonJS read from stdin, so the child's execArgv stays empty: node-llama-cpp
// forks helpers with the parent's execArgv, where `-e` would rerun this script
// and `--input-type` would be refused for a file.
const CHECK_SCRIPT = `
const [moduleUrl, modelPath, threads] = process.argv.slice(2);
(async () => {
  const { getLlama, LlamaLogLevel } = await import(moduleUrl);
  const llama = await getLlama({
    gpu: false, build: 'never', maxThreads: Number(threads), logLevel: LlamaLogLevel.error,
  });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: 256, threads: Number(threads) });
  const sequence = context.getSequence();
  await sequence.evaluateWithoutGeneratingNewTokens(model.tokenize('Hello, world'));
  await llama.dispose();
})().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
`;

const STDERR_TAIL = 600;
/** Loading even a large model from disk takes seconds; a minute means trouble. */
const CHECK_TIMEOUT_MS = 60_000;

/** Checks that `file` is a GGUF model this build of llama.cpp can load and run. */
export async function checkModelFile(
  file: string,
  options: ModelCheckOptions,
): Promise<ModelCheckResult> {
  const header = await readHeader(file);
  if (!header.ok) return header;
  return runChildCheck(file, options);
}

/** Far above any real model (hundreds of tensors, dozens of keys). */
const MAX_HEADER_COUNT = 1_000_000n;
const HEADER_BYTES = 24;

/**
 * A cheap first look, for a clear message when the file is not GGUF at all,
 * and to refuse absurd tensor or key counts: a crafted header makes the
 * GGUF reader loop and allocate without end instead of failing.
 * (node-llama-cpp's readGgufFileInfo can also hang on a short junk file.)
 */
async function readHeader(file: string): Promise<ModelCheckResult> {
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(
        Buffer.alloc(HEADER_BYTES),
        0,
        HEADER_BYTES,
        0,
      );
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    return { ok: false, detail: `cannot read ${file}: ${(err as Error).message}` };
  }

  const notGguf = { ok: false, detail: `${file} is not a GGUF model file (version 2 or 3)` };
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 4) !== 'GGUF') return notGguf;
  const version = bytes.readUInt32LE(4);
  if (version < 2 || version > 3) return notGguf;

  const tensors = bytes.readBigUInt64LE(8);
  const keys = bytes.readBigUInt64LE(16);
  if (tensors > MAX_HEADER_COUNT || keys > MAX_HEADER_COUNT) {
    return {
      ok: false,
      detail: `${file} has an implausible GGUF header (${tensors} tensors, ${keys} keys)`,
    };
  }
  return { ok: true };
}

function runChildCheck(file: string, options: ModelCheckOptions): Promise<ModelCheckResult> {
  const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve('node-llama-cpp')).href;
  const args = ['-', moduleUrl, file, `${options.threads}`];
  const child = spawn(process.execPath, args, {
    stdio: ['pipe', 'ignore', 'pipe'],
    signal: options.signal,
    timeout: options.timeoutMs ?? CHECK_TIMEOUT_MS,
    // A check that hangs may be stuck in native code that ignores SIGTERM.
    killSignal: 'SIGKILL',
  });

  child.stdin.end(CHECK_SCRIPT);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_TAIL);
  });

  return new Promise((resolve) => {
    child.on('error', (err) => {
      resolve({ ok: false, detail: `could not check ${file}: ${err.message}` });
    });
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ ok: true });
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const tail = stderr.trim().split('\n').slice(-3).join(' | ');
      resolve({
        ok: false,
        detail: `${file} failed to load: the check process ${how}${tail ? `: ${tail}` : ''}`,
      });
    });
  });
}
