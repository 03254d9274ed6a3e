import { AppError } from '../errors/app-error.js';

/**
 * What ioredis rejects a command with when the server is out of reach. It
 * has no error class for most of these, so they are told apart by message;
 * the connection settings in redis.ts make every one of them come quickly.
 */
const OUTAGE_MESSAGES = [
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Connection is closed.',
  'Command timed out',
];
const OUTAGE_NAMES = new Set(['MaxRetriesPerRequestError', 'AbortError']);

export function isRedisOutage(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return OUTAGE_NAMES.has(err.name) || OUTAGE_MESSAGES.includes(err.message);
}

export function redisUnavailable(cause?: unknown): AppError {
  return new AppError('redis_unavailable', 'Shared state (Redis) is unreachable; retry shortly', {
    headers: { 'retry-after': '1' },
    cause,
  });
}

/** Runs a Redis call, turning an outage into 503 `redis_unavailable`. */
export async function redisCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw isRedisOutage(err) ? redisUnavailable(err) : err;
  }
}
