import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';

/** Probes and scrapes must answer under load, or orchestrators restart a busy server. */
const EXEMPT_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
/** About two samples of the event loop, after which the answer may differ. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Answers 503 `server_overloaded` while the event loop is lagging or busy
 * (or the heap is over its limit), before it stalls for everybody. The
 * llama.cpp engine computes on its own threads, so generations do not count
 * against the event loop; only JavaScript work does.
 */
async function loadShedding(app: FastifyInstance): Promise<void> {
  const { config } = app;
  await app.register(underPressure, {
    maxEventLoopDelay: config.pressureMaxEventLoopDelayMs,
    maxEventLoopUtilization: config.pressureMaxEventLoopUtilization,
    eventLoopUtilizationMode: 'interval',
    maxHeapUsedBytes: config.pressureMaxHeapBytes,
    pressureHandler: async (request: FastifyRequest, _reply, type, value) => {
      if (EXEMPT_ROUTES.has(request.routeOptions.url ?? '')) return;
      request.log.warn({ type, value }, 'shedding load');
      throw new AppError('server_overloaded', `The server is overloaded (${type}); retry shortly`, {
        headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
        extra: { retry_after_seconds: RETRY_AFTER_SECONDS },
      });
    },
  });
}

export default fp(loadShedding, { name: 'atelier-load-shedding' });
