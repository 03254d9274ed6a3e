import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Histogram, Registry } from 'prom-client';
import { bearerTokenOf } from '../auth/authenticate.js';
import { AppError } from '../errors/app-error.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** One registry per application, so several apps in one process never share series. */
export function createMetrics() {
  const registry = new Registry();
  const on = { registers: [registry] };
  return {
    registry,
    httpRequests: new Counter({
      name: 'atelier_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      ...on,
    }),
    httpDuration: new Histogram({
      name: 'atelier_http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: SECONDS,
      ...on,
    }),
    generations: new Counter({
      name: 'atelier_generations_total',
      help: 'Generations by operation and outcome (ok, cancelled, time_limit, error, rejected)',
      labelNames: ['operation', 'outcome'] as const,
      ...on,
    }),
    tokens: new Counter({
      name: 'atelier_tokens_total',
      help: 'Tokens read (prompt) and generated (completion), by operation',
      labelNames: ['operation', 'kind'] as const,
      ...on,
    }),
    timeToFirstToken: new Histogram({
      name: 'atelier_time_to_first_token_seconds',
      help: 'From admission request to the first generated token, by operation',
      labelNames: ['operation'] as const,
      buckets: SECONDS,
      ...on,
    }),
    generationDuration: new Histogram({
      name: 'atelier_generation_duration_seconds',
      help: 'Whole generation time including waiting, by operation',
      labelNames: ['operation'] as const,
      buckets: SECONDS,
      ...on,
    }),
    answerCache: new Counter({
      name: 'atelier_answer_cache_total',
      help: 'AI requests by operation and answer-cache result (hit, miss, bypass)',
      labelNames: ['operation', 'result'] as const,
      ...on,
    }),
    queueWait: new Histogram({
      name: 'atelier_queue_wait_seconds',
      help: 'Time requests waited for admission to the engine',
      buckets: SECONDS,
      ...on,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * With `metricsToken` set, /metrics wants it as a bearer token; without
 * one, only loopback clients (a scraper on the same host) may read it.
 */
function guardMetrics(app: FastifyInstance) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const expected = app.config.metricsToken;
    if (expected) {
      const token = bearerTokenOf(request);
      if (token && sameSecret(token, expected)) return;
      throw new AppError('not_authenticated', 'Send the metrics token as a bearer token', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    if (!LOOPBACK.test(request.ip)) {
      throw new AppError('forbidden', 'Metrics are served to loopback clients only');
    }
  };
}

async function metrics(app: FastifyInstance): Promise<void> {
  const m = createMetrics();
  app.decorate('metrics', m);

  app.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    m.httpRequests.inc(labels);
    m.httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  app.get(
    '/metrics',
    { onRequest: guardMetrics(app), schema: { hide: true } },
    async (_request, reply) => {
      reply.type(m.registry.contentType);
      return m.registry.metrics();
    },
  );
}

export default fp(metrics, { name: 'atelier-metrics' });
