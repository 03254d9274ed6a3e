import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AnswerCache } from '../cache/answer-cache.js';
import { MemoryAnswerStore, RedisAnswerStore } from '../cache/answer-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    answerCache: AnswerCache;
  }
}

/** AI answers cached in this process, or in Redis when several share it. */
async function answerCache(app: FastifyInstance): Promise<void> {
  const { config } = app;
  const store = app.redis
    ? new RedisAnswerStore(app.redis)
    : new MemoryAnswerStore(config.aiCacheMaxBytes);
  const options = { ttlMs: config.aiCacheTtlMs, maxEntryBytes: config.aiCacheMaxEntryBytes };
  app.decorate('answerCache', new AnswerCache(store, options));
}

export default fp(answerCache, {
  name: 'atelier-answer-cache',
  dependencies: ['atelier-shared-state'],
});
