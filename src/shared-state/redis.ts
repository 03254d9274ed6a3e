import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared Redis connection; absent without ATELIER_REDIS_URL. */
    redis?: Redis;
  }
}

/** Longest pause between reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * One connection for everything shared between processes. While Redis is
 * away commands fail at once instead of queueing (no offline queue, no
 * retries per command, a command timeout), so requests answer 503 quickly;
 * ioredis keeps reconnecting in the background and the server recovers on
 * its own when Redis returns.
 */
export function connectRedis(app: FastifyInstance, url: string): Redis {
  const log = app.log.child({ component: 'redis' });
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: app.config.redisCommandTimeoutMs,
    connectTimeout: app.config.redisCommandTimeoutMs * 5,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  });

  let lost = false;
  redis.on('ready', () => {
    if (lost) log.info('redis connection restored');
    lost = false;
  });
  redis.on('error', (err) => {
    // ioredis emits an error per failed reconnection attempt: log the first.
    if (!lost) log.error({ err }, 'redis connection lost');
    lost = true;
  });
  return redis;
}

/** Redis is up when it answers a PING within the command timeout. */
export async function checkRedis(redis: Redis) {
  try {
    await redis.ping();
    return { status: 'ok' as const };
  } catch (err) {
    return { status: 'unavailable' as const, detail: (err as Error).message };
  }
}

async function sharedState(app: FastifyInstance): Promise<void> {
  const url = app.config.redisUrl;
  if (!url) return;

  const redis = connectRedis(app, url);
  app.decorate('redis', redis);
  app.addHook('onClose', async () => {
    if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
    else redis.disconnect();
  });
}

export default fp(sharedState, { name: 'atelier-shared-state' });
