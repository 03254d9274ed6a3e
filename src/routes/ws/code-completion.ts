import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AiOperationName } from '../../ai/run-operation.js';
import { AppError } from '../../errors/app-error.js';
import { perUserLimit } from '../../plugins/rate-limit.js';
import {
  CompletionSocket,
  type OperationLimiter,
  type SocketSettings,
} from '../../realtime/completion-socket.js';

/** The per-user limits of the REST operations, sharing their counts. */
function operationLimiters(app: FastifyInstance): Record<AiOperationName, OperationLimiter> {
  const { rateLimitComplete, rateLimitExplain, rateLimitRefactor } = app.config;
  return {
    complete: app.createRateLimit(perUserLimit(app, rateLimitComplete, 'ai:complete')),
    explain: app.createRateLimit(perUserLimit(app, rateLimitExplain, 'ai:explain')),
    refactor: app.createRateLimit(perUserLimit(app, rateLimitRefactor, 'ai:refactor')),
  };
}

/**
 * `GET /ws/code-completion`: AI operations over one WebSocket, with the
 * message protocol of docs/websocket-protocol.md.
 */
const codeCompletionSocket: FastifyPluginAsync = async (app) => {
  const settings: SocketSettings = {
    authTimeoutMs: app.config.wsAuthTimeoutMs,
    pingIntervalMs: app.config.wsPingIntervalMs,
    maxInFlight: app.config.wsMaxInFlight,
    limiters: operationLimiters(app),
  };

  app.route({
    method: 'GET',
    url: '/ws/code-completion',
    schema: { hide: true },
    // A plain GET (no Upgrade header) is told what this address speaks.
    handler: async () => {
      throw new AppError('upgrade_required', 'This address speaks WebSocket only; upgrade to it', {
        headers: { upgrade: 'websocket', connection: 'Upgrade' },
      });
    },
    wsHandler: (socket, request) => {
      new CompletionSocket(socket, request, settings);
    },
  });
};

export default codeCompletionSocket;
