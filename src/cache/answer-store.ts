import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { redisCall } from '../shared-state/redis-errors.js';

/** Where cached AI answers live, as serialized JSON. */
export interface AnswerStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

/** One process's answers, bounded by their total size in bytes. */
export class MemoryAnswerStore implements AnswerStore {
  private readonly lru: LRUCache<string, string>;

  constructor(maxBytes: number) {
    this.lru = new LRUCache({ maxSize: maxBytes, sizeCalculation: (v) => Buffer.byteLength(v) });
  }

  async get(key: string): Promise<string | undefined> {
    return this.lru.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.lru.set(key, value, { ttl: ttlMs });
  }
}

const PREFIX = 'atelier:answer:';

/**
 * Answers shared by every process. Each entry expires with its TTL; the
 * total is bounded by the Redis server's own `maxmemory` policy.
 */
export class RedisAnswerStore implements AnswerStore {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    const value = await redisCall(() => this.redis.get(PREFIX + key));
    return value ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await redisCall(() => this.redis.set(PREFIX + key, value, 'PX', ttlMs));
  }
}
