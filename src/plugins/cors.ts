import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { REQUEST_ID_HEADER } from '../request-id.js';

/** Response headers a browser page may read across origins. */
const EXPOSED_HEADERS = [
  REQUEST_ID_HEADER,
  'etag',
  'x-cache',
  'retry-after',
  'server-timing',
  'location',
  'deprecation',
  'link',
];

/**
 * CORS for the configured origins only. Without any, the plugin is not
 * registered at all: it would add nothing to an answer, yet cost a hook on
 * every request, and a preflight answers 404 either way.
 */
async function cors(app: FastifyInstance): Promise<void> {
  const origins = app.config.corsOrigins;
  if (origins.length === 0) return;

  await app.register(fastifyCors, { origin: [...origins], exposedHeaders: EXPOSED_HEADERS });
}

export default fp(cors, { name: 'atelier-cors' });
