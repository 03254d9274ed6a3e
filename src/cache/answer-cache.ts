import { createHash } from 'node:crypto';
import type { AnswerStore } from './answer-store.js';

/** Whether an answer came from the cache, was looked up and missed, or neither. */
export const CACHE_STATUSES = ['hit', 'miss', 'bypass'] as const;
export type CacheStatus = (typeof CACHE_STATUSES)[number];

/**
 * What the caller asked of the cache: `use` reads and writes, `refresh`
 * skips the read but stores the fresh answer (`Cache-Control: no-cache`),
 * `bypass` does neither (`no-store`, or `cache: false` in the body).
 */
export type CacheMode = 'use' | 'refresh' | 'bypass';

export interface AnswerCacheOptions {
  /** How long an answer is served; 0 turns the cache off. */
  ttlMs: number;
  /** Larger answers are not stored. */
  maxEntryBytes: number;
}

/** Bumped when the shape of a cached answer changes, so old entries go unread. */
const FORMAT = 1;

/**
 * Answers of deterministic requests by a hash of everything that shapes
 * them. Callers put the model, the operation, the whole input (file
 * content included, so any write to a file changes the key) and every
 * option into `parts`; the hash never holds the input itself.
 */
export class AnswerCache {
  constructor(
    private readonly store: AnswerStore,
    private readonly options: AnswerCacheOptions,
  ) {}

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  keyOf(parts: unknown): string {
    return createHash('sha256')
      .update(JSON.stringify({ format: FORMAT, parts }))
      .digest('base64url');
  }

  async get<T>(key: string): Promise<T | undefined> {
    const text = await this.store.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  /** Stores an answer unless it is larger than the entry bound. */
  async set(key: string, value: unknown): Promise<boolean> {
    const text = JSON.stringify(value);
    if (Buffer.byteLength(text) > this.options.maxEntryBytes) return false;
    await this.store.set(key, text, this.options.ttlMs);
    return true;
  }
}

/** The cache mode a request's `Cache-Control` header asks for (RFC 9111, 5.2.1). */
export function cacheModeOf(header: string | undefined): CacheMode {
  const directives = (header ?? '')
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.includes('no-store')) return 'bypass';
  if (directives.includes('no-cache')) return 'refresh';
  return 'use';
}
