import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Fetches a model file into the cache, resumably and with a checksum.
 *
 * Resuming: bytes land in `<target>.part`; a later attempt (after a dropped
 * connection or a restart) asks for the rest with an HTTP Range request and
 * starts over only if the server ignores the range.
 *
 * Checksum: SHA-256, from a `#sha256=<hex>` suffix of the reference when
 * given, else, for Hugging Face, from the `x-linked-etag` header of the
 * resolve endpoint, which for LFS files (every GGUF) is the file's SHA-256.
 * The header is on the endpoint's redirect, so it is read with a HEAD that
 * does not follow redirects. Without either, only the length is checked.
 * The file is renamed into place only after it verifies.
 */

export interface DownloadOptions {
  url: string;
  target: string;
  sha256?: string;
  /** Ask the Hugging Face resolve endpoint for the checksum. */
  huggingFace: boolean;
  signal: AbortSignal;
  onProgress: (received: number, total: number | undefined) => void;
}

export interface DownloadResult {
  sha256: string;
  verified: boolean;
}

export class DownloadError extends Error {}

const ATTEMPTS = 3;
/** Failures that another attempt a second later would only repeat. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const IDLE_TIMEOUT_MS = 30_000;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

export async function downloadModel(options: DownloadOptions): Promise<DownloadResult> {
  const expected =
    options.sha256 ?? (options.huggingFace ? await lookupSha256(options) : undefined);
  const part = `${options.target}.part`;

  for (let attempt = 1; ; attempt++) {
    try {
      await fetchRemainder(options, part);
      break;
    } catch (err) {
      const retryable =
        !(err instanceof DownloadError) && !options.signal.aborted && !UNREACHABLE.has(codeOf(err));
      if (!retryable || attempt >= ATTEMPTS) throw toDownloadError(err, options.url);
      await sleep(1000 * attempt, undefined, { signal: options.signal });
    }
  }

  const actual = await hashFile(part);
  if (expected && actual !== expected) {
    await rm(part, { force: true });
    throw new DownloadError(
      `checksum mismatch for ${options.url}: expected sha256 ${expected}, got ${actual}`,
    );
  }
  await rename(part, options.target);
  return { sha256: actual, verified: expected !== undefined };
}

async function lookupSha256(options: DownloadOptions): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(IDLE_TIMEOUT_MS)]),
    });
  } catch (err) {
    throw toDownloadError(err, options.url);
  }
  if (response.status >= 400) {
    throw new DownloadError(`${options.url} answered HTTP ${response.status}`);
  }
  const etag = response.headers.get('x-linked-etag') ?? '';
  const hex = etag.replace(/^W\//, '').replace(/"/g, '').toLowerCase();
  return HEX_SHA256.test(hex) ? hex : undefined;
}

async function fetchRemainder(options: DownloadOptions, part: string): Promise<void> {
  const have = await sizeOf(part);
  const idle = new AbortController();
  let timer = setTimeout(() => idle.abort(), IDLE_TIMEOUT_MS);
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), IDLE_TIMEOUT_MS);
  };

  try {
    const response = await fetch(options.url, {
      headers: have > 0 ? { range: `bytes=${have}-` } : {},
      signal: AbortSignal.any([options.signal, idle.signal]),
    });
    // 416: nothing is left to fetch, the part file is already whole.
    if (response.status === 416 && have > 0) return;
    if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
    if (response.status !== 200 && response.status !== 206) {
      throw new DownloadError(`${options.url} answered HTTP ${response.status}`);
    }
    const resumed = response.status === 206;
    const start = resumed ? have : 0;
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    const total = Number.isFinite(length) ? start + length : undefined;

    const file = await open(part, resumed ? 'a' : 'w');
    let received = start;
    try {
      for await (const chunk of response.body ?? []) {
        touch();
        await file.write(chunk);
        received += chunk.length;
        options.onProgress(received, total);
      }
    } finally {
      await file.close();
    }
    if (total !== undefined && received !== total) {
      throw new Error(`connection closed after ${received} of ${total} bytes`);
    }
  } finally {
    clearTimeout(timer);
  }
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function toDownloadError(err: unknown, url: string): DownloadError {
  if (err instanceof DownloadError) return err;
  const error = err as Error & { cause?: { message?: string } };
  const reason = codeOf(err) || error.cause?.message || error.message;
  return new DownloadError(`cannot download ${url}: ${reason}`);
}

/** fetch reports socket errors as `TypeError('fetch failed')` with the code on its cause. */
function codeOf(err: unknown): string {
  const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' ? code : '';
}
