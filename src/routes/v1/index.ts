import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import codeCompletionSocket from '../ws/code-completion.js';
import ai from './ai.js';
import analyze from './analyze.js';
import apiKeys from './api-keys.js';
import auth from './auth.js';
import exportRoutes from './export.js';
import fileEdits from './file-edits.js';
import fileOutline from './file-outline.js';
import files from './files.js';
import history from './history.js';
import jobs from './jobs.js';
import repoMap from './repo-map.js';
import usage from './usage.js';
import users from './users.js';

/** When v2 shipped, so when v1 became deprecated (RFC 9745 wants a date). */
const V1_DEPRECATED_AT = Date.UTC(2026, 11, 1) / 1000;

/**
 * With ATELIER_V1_DEPRECATION on, every v1 answer says it is deprecated
 * (RFC 9745) and names its successor (RFC 5829 `successor-version`).
 */
function announceDeprecation(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('deprecation', `@${V1_DEPRECATED_AT}`);
    reply.header('link', '</api/v2>; rel="successor-version"');
  });
}

/** Everything mounted under `/api/v1`. */
const v1: FastifyPluginAsync = async (app) => {
  if (app.config.v1Deprecation) announceDeprecation(app);
  await app.register(auth, { prefix: '/auth' });
  await app.register(apiKeys, { prefix: '/auth/keys' });
  await app.register(users, { prefix: '/users' });
  await app.register(files);
  await app.register(fileOutline);
  await app.register(fileEdits);
  await app.register(repoMap);
  await app.register(history);
  await app.register(exportRoutes);
  await app.register(ai);
  await app.register(analyze, { apiBase: '/api/v1' });
  await app.register(jobs, { apiBase: '/api/v1' });
  await app.register(usage);
  await app.register(codeCompletionSocket);
};

export default v1;
