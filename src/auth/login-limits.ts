import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

export interface UsernameLimit {
  /** Refuses with 429 while the username has no failed attempts left. */
  check(request: FastifyRequest): Promise<void>;
  recordFailure(request: FastifyRequest): Promise<void>;
}

/** Route config limiting every sign-in attempt per client address. */
export function loginAddressLimit(app: FastifyInstance) {
  return { max: app.config.rateLimitLogin, timeWindow: app.config.rateLimitWindowMs };
}

function usernameKey(request: FastifyRequest): string {
  const { username } = request.body as { username: string };
  return `login-username:${username.toLowerCase()}`;
}

/**
 * Failed attempts per username, whatever the address: this stops password
 * guessing spread over many addresses. Only failures count, so the owner
 * signing in often is never refused.
 */
export function createUsernameLimit(app: FastifyInstance): UsernameLimit {
  const max = app.config.rateLimitLogin;
  const limit = app.createRateLimit({
    max,
    timeWindow: app.config.rateLimitWindowMs,
    keyGenerator: usernameKey,
  });

  return {
    async check(request) {
      const status = await limit(request, { increment: false });
      if (status.isAllowed || status.remaining > 0) return;

      const seconds = String(status.ttlInSeconds);
      throw new AppError('rate_limited', `Too many failed sign-ins; retry in ${seconds} s`, {
        headers: {
          'retry-after': seconds,
          'ratelimit-limit': String(max),
          'ratelimit-remaining': '0',
          'ratelimit-reset': seconds,
        },
        extra: { limit: max, retry_after_seconds: status.ttlInSeconds },
      });
    },
    async recordFailure(request) {
      await limit(request);
    },
  };
}
