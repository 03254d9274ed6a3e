import { LRUCache } from 'lru-cache';
import type { FileRow } from '../db/schema.js';
import type { FileStamp } from '../repositories/files.js';
import { toFileWithContent } from './file-view.js';

/** Characters of serialized file bodies kept; about 64 MiB of ASCII. */
const MAX_CACHED_CHARS = 64 * 1024 * 1024;

/**
 * Serialized `GET /files/{id}` bodies. Every write bumps a file's version,
 * so a body keyed by id, version and update time can never go stale and
 * needs no invalidation. A read fetches the row without its content first,
 * and the content only on a miss: decoding and escaping long contents were
 * the largest costs of a file read.
 */
const bodies = new LRUCache<string, string>({
  maxSize: MAX_CACHED_CHARS,
  sizeCalculation: (body) => Math.max(1, body.length),
});

function keyOf(file: FileStamp): string {
  return `${file.id}\0${file.version}\0${file.updated_at}`;
}

/** The serialized body of this state of the file, if it is cached. */
export function cachedFileBody(file: FileStamp): string | undefined {
  return bodies.get(keyOf(file));
}

export function serializeFileBody(file: FileRow): string {
  const cached = cachedFileBody(file);
  if (cached !== undefined) return cached;

  const body = JSON.stringify(toFileWithContent(file));
  if (body.length <= MAX_CACHED_CHARS / 16) bodies.set(keyOf(file), body);
  return body;
}
