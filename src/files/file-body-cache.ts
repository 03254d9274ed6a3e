import { LRUCache } from 'lru-cache';
import type { FileRow } from '../db/schema.js';
import type { FileStamp } from '../repositories/file-reads.js';
import { toFileWithContent } from './file-view.js';

/** Bytes of serialized file bodies kept. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;

/**
 * Serialized `GET /files/{id}` bodies, as UTF-8 bytes. Every write bumps a
 * file's version, so a body keyed by id, version and update time can never
 * go stale and needs no invalidation. A read fetches the file's stamp
 * first, and the rest of the row only on a miss: decoding and escaping
 * long contents were the largest costs of a file read. Bytes rather than
 * a string, because sending a string measures and encodes it again on
 * every answer, which cost a tenth of a cached read.
 */
const bodies = new LRUCache<string, Buffer>({
  maxSize: MAX_CACHED_BYTES,
  sizeCalculation: (body) => Math.max(1, body.length),
});

function keyOf(file: FileStamp): string {
  return `${file.id}\0${file.version}\0${file.updated_at}`;
}

/** The serialized body of this state of the file, if it is cached. */
export function cachedFileBody(file: FileStamp): Buffer | undefined {
  return bodies.get(keyOf(file));
}

export function serializeFileBody(file: FileRow): Buffer {
  const cached = cachedFileBody(file);
  if (cached !== undefined) return cached;

  const body = Buffer.from(JSON.stringify(toFileWithContent(file)));
  if (body.length <= MAX_CACHED_BYTES / 16) bodies.set(keyOf(file), body);
  return body;
}
