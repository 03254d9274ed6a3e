import type { Redis } from 'ioredis';
import type { TokenUsageStore, WindowUsage } from '../ai/token-budget.js';
import { redisCall } from './redis-errors.js';

const PREFIX = 'atelier:token-budget:';

/**
 * Token windows shared by every process: one counter per key that expires
 * when its window ends. The window starts with the first charge, as in the
 * in-process store.
 */
export class RedisTokenUsageStore implements TokenUsageStore {
  constructor(
    private readonly redis: Redis,
    private readonly windowMs: number,
  ) {}

  async current(key: string, now: number): Promise<WindowUsage> {
    const [used, ttl] = await redisCall(async () => {
      const replies = await this.redis
        .multi()
        .get(PREFIX + key)
        .pttl(PREFIX + key)
        .exec();
      return (replies ?? []).map(([, value]) => value) as [string | null, number];
    });
    if (used === null || ttl < 0) return { used: 0, resetsAt: now + this.windowMs };
    return { used: Number(used), resetsAt: now + ttl };
  }

  async add(key: string, tokens: number): Promise<void> {
    // SET NX PX starts the window only when no counter exists; both run as
    // one transaction so a counter is never left without its expiry.
    await redisCall(() =>
      this.redis
        .multi()
        .set(PREFIX + key, 0, 'PX', this.windowMs, 'NX')
        .incrby(PREFIX + key, tokens)
        .exec(),
    );
  }
}
