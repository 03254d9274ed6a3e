import { LRUCache } from 'lru-cache';
import type { FileRow } from '../db/schema.js';
import { toFileWithContent } from './file-view.js';

/** Characters of serialized file bodies kept; about 64 MiB of ASCII. */
const MAX_CACHED_CHARS = 64 * 1024 * 1024;

/**
 * Serialized `GET /files/{id}` bodies. Every write bumps a file's version,
 * so a body keyed by id, version and update time can never go stale and
 * needs no invalidation; the row itself is still read on every request.
 * Escaping long contents into JSON was the largest cost of a file read.
 */
const bodies = new LRUCache<string, string>({
  maxSize: MAX_CACHED_CHARS,
  sizeCalculation: (body) => Math.max(1, body.length),
});

export function serializeFileBody(file: FileRow): string {
  const key = `${file.id}\0${file.version}\0${file.updated_at}`;
  const cached = bodies.get(key);
  if (cached !== undefined) return cached;

  const body = JSON.stringify(toFileWithContent(file));
  if (body.length <= MAX_CACHED_CHARS / 16) bodies.set(key, body);
  return body;
}
