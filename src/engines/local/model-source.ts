import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Where ATELIER_MODEL points: a file on disk, or a remote file to fetch into
 * the model cache. Remote forms:
 * - `hf:<user>/<repo>/<path/to/file.gguf>[#<branch>]`, node-llama-cpp's
 *   Hugging Face file URI, fetched from the repository's resolve endpoint;
 * - `https://...` or `http://...`, optionally ending in `#sha256=<hex>`.
 */
export type ModelSource =
  | { kind: 'file'; path: string }
  | {
      kind: 'remote';
      url: string;
      /** Expected SHA-256 (hex) given in the reference itself, if any. */
      sha256?: string;
      /** File name inside the model cache. */
      cacheName: string;
      huggingFace: boolean;
    };

const HF_ENDPOINT = 'https://huggingface.co';
const SHA256_FRAGMENT = /^sha256=([0-9a-f]{64})$/i;

export class ModelSourceError extends Error {}

/** Parses an ATELIER_MODEL value; throws ModelSourceError with a fix when malformed. */
export function parseModelSource(spec: string): ModelSource {
  if (spec.startsWith('hf:'))
    return parseHuggingFace(spec.slice('hf:'.length).replace(/^\/\//, ''));
  if (/^https?:\/\//i.test(spec)) return parseUrl(spec);
  return { kind: 'file', path: path.resolve(spec) };
}

function parseHuggingFace(rest: string): ModelSource {
  const [location = '', branch = 'main'] = rest.split('#', 2);
  const [user, repo, ...fileParts] = location.split('/');
  const file = fileParts.join('/');
  if (!user || !repo || !file.toLowerCase().endsWith('.gguf')) {
    throw new ModelSourceError(
      `ATELIER_MODEL=hf:${rest} must name one file: hf:<user>/<repo>/<file>.gguf[#<branch>]`,
    );
  }
  const encoded = [user, repo].map(encodeURIComponent).join('/');
  const filePath = fileParts.map(encodeURIComponent).join('/');
  return {
    kind: 'remote',
    url: `${HF_ENDPOINT}/${encoded}/resolve/${encodeURIComponent(branch)}/${filePath}`,
    cacheName: toCacheName(['hf', user, repo, branch === 'main' ? '' : branch, file]),
    huggingFace: true,
  };
}

function parseUrl(spec: string): ModelSource {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new ModelSourceError(`ATELIER_MODEL=${spec} is not a valid URL`);
  }
  const sha256 = SHA256_FRAGMENT.exec(url.hash.slice(1))?.[1]?.toLowerCase();
  url.hash = '';
  const base = path.posix.basename(url.pathname) || 'model.gguf';
  // The URL's hash keeps two files of the same name from different hosts apart.
  const tag = createHash('sha256').update(url.href).digest('hex').slice(0, 8);
  return {
    kind: 'remote',
    url: url.href,
    sha256,
    cacheName: toCacheName([tag, base]),
    huggingFace: url.hostname === 'huggingface.co' || url.hostname === 'hf.co',
  };
}

function toCacheName(parts: string[]): string {
  return parts
    .filter((p) => p.length > 0)
    .join('_')
    .replace(/[^A-Za-z0-9._-]/g, '_');
}
