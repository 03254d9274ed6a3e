import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { EngineLogger } from '../engine-logger.js';
import { createDownloadBar, type DownloadBar } from './download-bar.js';
import { DownloadError, downloadModel } from './model-download.js';
import type { ModelSource } from './model-source.js';

/** How to get a working model, appended to every "model missing" detail. */
export const MODEL_FIX_HINT =
  'Set ATELIER_MODEL=/path/to/model.gguf (or an hf: or https: reference), ' +
  'or write a small test model with `npm run tiny-model -- ./data/models/tiny.gguf` ' +
  'and point ATELIER_MODEL at it.';

export type LocateResult = { ok: true; path: string } | { ok: false; detail: string };

export interface LocateOptions {
  spec: string;
  cacheDir: string;
  download: boolean;
  log: EngineLogger;
  signal: AbortSignal;
  onProgress: (progress: number) => void;
}

const PROGRESS_LOG_INTERVAL_MS = 5_000;

/** Finds the model on disk, downloading a remote one into the cache first. */
export async function locateModelFile(
  source: ModelSource,
  options: LocateOptions,
): Promise<LocateResult> {
  if (source.kind === 'file') {
    if (await exists(source.path)) return { ok: true, path: source.path };
    return { ok: false, detail: `Model file ${source.path} does not exist. ${MODEL_FIX_HINT}` };
  }

  const target = path.join(options.cacheDir, source.cacheName);
  if (await exists(target)) return { ok: true, path: target };
  if (!options.download) {
    return {
      ok: false,
      detail:
        `Model ${options.spec} is not in the model cache (${target}) and downloads are off ` +
        `(ATELIER_MODEL_DOWNLOAD=false). Place the file there, or turn downloads on. ` +
        MODEL_FIX_HINT,
    };
  }

  await mkdir(options.cacheDir, { recursive: true });
  options.onProgress(0);
  options.log.info({ model: options.spec, url: source.url, target }, 'model download started');
  const bar = createDownloadBar(`Downloading ${source.cacheName}`);
  try {
    const result = await downloadModel({
      url: source.url,
      target,
      sha256: source.sha256,
      huggingFace: source.huggingFace,
      signal: options.signal,
      onProgress: createProgressReporter(options, bar),
    });
    options.log.info({ model: options.spec, target, ...result }, 'model download finished');
    return { ok: true, path: target };
  } catch (err) {
    const reason = err instanceof DownloadError ? err.message : (err as Error).message;
    options.log.warn({ model: options.spec, err }, 'model download failed');
    return {
      ok: false,
      detail: `Could not download model ${options.spec}: ${reason}. ${MODEL_FIX_HINT}`,
    };
  } finally {
    bar?.stop();
  }
}

function createProgressReporter(options: LocateOptions, bar: DownloadBar | undefined) {
  let lastLog = 0;
  return (received: number, total: number | undefined) => {
    const progress = total ? received / total : 0;
    options.onProgress(progress);
    bar?.update(received, total);
    const now = Date.now();
    if (now - lastLog < PROGRESS_LOG_INTERVAL_MS && received !== total) return;
    lastLog = now;
    const percent = Math.round(progress * 1000) / 10;
    options.log.info({ model: options.spec, received, total, percent }, 'model download progress');
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
