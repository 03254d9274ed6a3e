import { createRequire } from 'node:module';
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

type IncrArgs = Parameters<FastifyRateLimitStore['incr']>;
type ChildOptions = Parameters<FastifyRateLimitStore['child']>[0] & { groupId?: string };
type StoreClass = new (...args: unknown[]) => FastifyRateLimitStore;

// The library's own stores, which it does not export by name.
const require = createRequire(import.meta.url);
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreClass;
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreClass;

/**
 * @fastify/rate-limit gives every route its own bucket store, so one
 * operation reached by several routes (v1, v2 under each workspace, the
 * WebSocket) would be limited once per route. Routes with a `groupId`
 * share one bucket store per group instead; others keep their own.
 */
export function groupedStore(redis: Redis | undefined, nameSpace: string) {
  return class GroupedStore implements FastifyRateLimitStore {
    readonly #base: FastifyRateLimitStore;
    readonly #groups = new Map<string, FastifyRateLimitStore>();

    constructor(params: FastifyRateLimitOptions) {
      // The plugin passes its merged global parameters, which hold these too.
      const { continueExceeding, exponentialBackoff } = params as {
        continueExceeding?: boolean;
        exponentialBackoff?: boolean;
      };
      this.#base = redis
        ? new RedisStore(continueExceeding, exponentialBackoff, redis, nameSpace)
        : new LocalStore(continueExceeding, exponentialBackoff);
    }

    incr(...args: IncrArgs): void {
      this.#base.incr(...args);
    }

    child(options: ChildOptions): FastifyRateLimitStore {
      if (!options.groupId) return this.#base.child(options);
      let store = this.#groups.get(options.groupId);
      if (!store) {
        const routeInfo = { method: 'GROUP:', url: options.groupId };
        store = this.#base.child({ ...options, routeInfo } as ChildOptions);
        this.#groups.set(options.groupId, store);
      }
      return store;
    }
  };
}
