import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';
import { groupedStore } from './rate-limit-store.js';

/**
 * Authenticated routes are limited per user, so that users behind one NAT
 * do not share a bucket and one user cannot dodge it by changing address.
 */
export function userOrAddressKey(request: FastifyRequest): string {
  return request.user ? `user:${request.user.id}` : `ip:${request.ip}`;
}

/**
 * Route config for a limit of `max` requests per configured window. Routes
 * naming the same `group` share one count (an AI operation is one limit
 * whether it comes through v1, v2 or the WebSocket).
 */
export function perUserLimit(app: FastifyInstance, max: number, group?: string) {
  return {
    max,
    timeWindow: app.config.rateLimitWindowMs,
    keyGenerator: userOrAddressKey,
    ...(group && { groupId: group }),
  };
}

/**
 * Counters live in Redis when it is configured, so that a limit of N
 * admits N requests in total across every process sharing it.
 */
async function limits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: groupedStore(app.redis, 'atelier:rate-limit:'),
    // After authentication, so the key can be the user rather than the address.
    hook: 'preHandler',
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Rate limit exceeded; retry in ${context.after}`, {
        extra: { limit: context.max, retry_after_seconds: Math.ceil(context.ttl / 1000) },
      }),
  });
}

export default fp(limits, {
  name: 'atelier-rate-limit',
  dependencies: ['atelier-shared-state'],
});
