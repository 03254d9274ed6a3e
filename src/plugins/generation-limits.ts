import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Gauge } from 'prom-client';
import { Admission } from '../ai/admission.js';
import { MemoryTokenUsageStore, TokenBudget } from '../ai/token-budget.js';
import { RedisTokenUsageStore } from '../shared-state/redis-token-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    admission: Admission;
    tokenBudget: TokenBudget;
  }
}

/**
 * Admission control and token budgets for every generation, whatever the
 * transport. The engine runs `engineParallel` generations at once (the
 * local engine has that many sequences), so that is the global capacity.
 * Admission stays per process even with Redis: it guards this process's
 * engine slots, and a user's share of them only means something per engine.
 * Token budgets are per user whatever process serves them, so they move to
 * Redis when it is configured.
 */
async function generationLimits(app: FastifyInstance): Promise<void> {
  const { config } = app;
  const admission = new Admission({
    capacity: config.engineParallel,
    perUser: config.userConcurrency,
    maxQueue: config.queueMaxLength,
    maxWaitMs: config.queueMaxWaitMs,
  });
  const store = app.redis
    ? new RedisTokenUsageStore(app.redis, config.rateLimitWindowMs)
    : new MemoryTokenUsageStore(config.rateLimitWindowMs);
  app.decorate('admission', admission);
  app.decorate('tokenBudget', new TokenBudget(store, config.tokenBudget));

  const registers = [app.metrics.registry];
  new Gauge({
    name: 'atelier_queue_depth',
    help: 'Requests waiting for admission to the engine',
    registers,
    collect() {
      this.set(admission.waiting);
    },
  });
  new Gauge({
    name: 'atelier_generations_running',
    help: 'Generations admitted and not yet finished',
    registers,
    collect() {
      this.set(admission.running);
    },
  });
}

export default fp(generationLimits, {
  name: 'atelier-generation-limits',
  dependencies: ['atelier-metrics', 'atelier-shared-state'],
});
