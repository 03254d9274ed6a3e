import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';

/** Probes and scrapes must answer under load, or orchestrators restart a busy server. */
const EXEMPT_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
const SAMPLE_INTERVAL_MS = 1000;
/** About two samples of the event loop, after which the answer may differ. */
const RETRY_AFTER_SECONDS = 2;
/**
 * Samples taken while the server was starting measure its own start-up
 * work (compiling schemas, opening the model), not load: ignore them.
 */
const WARM_UP_MS = 2 * SAMPLE_INTERVAL_MS;

/**
 * Answers 503 `server_overloaded` while the event loop is lagging or busy
 * (or the heap is over its limit), before it stalls for everybody. The
 * llama.cpp engine computes on its own threads, so generations do not count
 * against the event loop; only JavaScript work does.
 */
async function loadShedding(app: FastifyInstance): Promise<void> {
  const { config } = app;
  let readyAt = Number.POSITIVE_INFINITY;
  app.addHook('onReady', async () => {
    readyAt = performance.now();
  });
  await app.register(underPressure, {
    sampleInterval: SAMPLE_INTERVAL_MS,
    maxEventLoopDelay: config.pressureMaxEventLoopDelayMs,
    maxEventLoopUtilization: config.pressureMaxEventLoopUtilization,
    eventLoopUtilizationMode: 'interval',
    maxHeapUsedBytes: config.pressureMaxHeapBytes,
    pressureHandler: async (request: FastifyRequest, _reply, type, value) => {
      if (EXEMPT_ROUTES.has(request.routeOptions.url ?? '')) return;
      if (performance.now() - readyAt < WARM_UP_MS) return;
      request.log.warn({ type, value }, 'shedding load');
      throw new AppError('server_overloaded', `The server is overloaded (${type}); retry shortly`, {
        headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
        extra: { retry_after_seconds: RETRY_AFTER_SECONDS },
      });
    },
  });
}

export default fp(loadShedding, { name: 'atelier-load-shedding' });
