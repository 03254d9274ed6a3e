import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import './app-types.js';
import { AccessTokens } from './auth/access-tokens.js';
import type { Config } from './config/schema.js';
import { type Db, databaseOptionsOf, migrateToLatest, openDatabase } from './db/database.js';
import { createEngine } from './engines/create-engine.js';
import type { Engine } from './engines/engine.js';
import { registerErrorHandlers } from './errors/error-handler.js';
import { onClientError, onFrameworkError } from './errors/framework-errors.js';
import { type LogStream, logIfAborted, serverLogOptions } from './logger.js';
import answerCache from './plugins/answer-cache.js';
import conditionalGet from './plugins/conditional-get.js';
import cors from './plugins/cors.js';
import docs from './plugins/docs.js';
import generationLimits from './plugins/generation-limits.js';
import jobs from './plugins/jobs.js';
import { registerJsonBodyParser } from './plugins/json-body.js';
import loadShedding from './plugins/load-shedding.js';
import metrics from './plugins/metrics.js';
import rateLimit from './plugins/rate-limit.js';
import securityHeaders from './plugins/security-headers.js';
import webApp from './plugins/web-app.js';
import websocket from './plugins/websocket.js';
import { generateRequestId, REQUEST_ID_HEADER } from './request-id.js';
import health from './routes/health.js';
import openai from './routes/openai/index.js';
import { ProblemResponse } from './routes/problem-schema.js';
import root from './routes/root.js';
import v1 from './routes/v1/index.js';
import v2 from './routes/v2/index.js';
import codeCompletionSocket from './routes/ws/code-completion.js';
import sharedState from './shared-state/redis.js';
import { validatorCompiler } from './validation.js';

export interface BuildAppOptions {
  config: Config;
  /** An already open database; opened from the config when absent. */
  db?: Db;
  /** An engine to use instead of the configured one. */
  engine?: Engine;
  /** Where log lines go instead of stdout (tests read them from here). */
  logStream?: LogStream;
}

/** JSON bodies escape text, so they may be several times the file limit. */
function bodyLimitFor(config: Config): number {
  return config.maxFileBytes * 6 + 64 * 1024;
}

/**
 * How long a client may take to send a whole request (headers and body).
 * Without a limit, a client sending a body slower than it promised holds
 * its connection for ever. Node checks the connections at an interval, so
 * the answer (408) comes up to a quarter of the limit later.
 */
function requestTimeoutsOf(config: Config) {
  const limit = config.requestTimeoutMs;
  return {
    requestTimeout: limit,
    http: {
      headersTimeout: Math.min(60_000, limit),
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(limit / 4)),
    },
  };
}

/** Builds the HTTP application; the caller listens (or injects) and closes it. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    ...serverLogOptions(config.logLevel, options.logStream),
    genReqId: generateRequestId,
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
    trustProxy: config.trustProxy,
    bodyLimit: bodyLimitFor(config),
    ...requestTimeoutsOf(config),
    // Past find-my-way's default of 100, an over-long id would answer 400
    // before its schema could say which parameter is too long (422).
    routerOptions: { maxParamLength: 1024 },
    return503OnClosing: true,
    // onReady loads the model (after checking it in a child process), which
    // can take longer than Fastify's 10 s default on a busy machine.
    pluginTimeout: 60_000,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const onIdleError = (err: Error) => app.log.warn({ err }, 'database connection lost');
  const db = options.db ?? openDatabase(config.databaseUrl, databaseOptionsOf(config, onIdleError));
  await migrateToLatest(db);
  const engine = options.engine ?? createEngine(config, app.log);

  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('engine', engine);
  app.decorate('accessTokens', new AccessTokens(config.secretKey, config.accessTokenTtl));

  // Hooks that run on every request take a callback rather than being
  // async: each async hook costs a promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    logIfAborted(request, reply);
    done();
  });
  // Responses finished during shutdown ask the client to close the
  // connection; otherwise a kept-alive socket holds the server open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onReady', async () => engine.start());
  app.addHook('onClose', async () => {
    await engine.close();
    if (!options.db) await db.destroy();
  });

  app.setValidatorCompiler(validatorCompiler);
  app.addSchema(ProblemResponse);
  registerErrorHandlers(app);
  registerJsonBodyParser(app);
  await app.register(sharedState);
  await app.register(metrics);
  await app.register(loadShedding);
  await app.register(generationLimits);
  await app.register(answerCache);
  await app.register(jobs);
  await app.register(securityHeaders);
  await app.register(cors);
  await app.register(rateLimit);
  await app.register(conditionalGet);
  await app.register(docs);
  await app.register(webApp);
  await app.register(websocket);

  await app.register(root);
  await app.register(health);
  await app.register(codeCompletionSocket);
  await app.register(v1, { prefix: '/api/v1' });
  await app.register(openai, { prefix: '/v1' });
  await app.register(v2, { prefix: '/api/v2' });
  return app;
}
