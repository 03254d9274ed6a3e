import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { selectProtocol } from '../realtime/socket-auth.js';

async function sockets(app: FastifyInstance): Promise<void> {
  await app.register(websocket, {
    options: {
      // Frames above the HTTP body limit are refused by ws with close code 1009.
      maxPayload: app.initialConfig.bodyLimit,
      handleProtocols: selectProtocol,
    },
    // A peer's protocol error (an oversized frame, say) is its fault, not ours:
    // ws is already closing the socket with the matching code.
    errorHandler: (error, socket, request) => {
      request.log.info({ err: error }, 'websocket protocol error');
      if (socket.readyState === socket.OPEN) socket.terminate();
    },
  });
}

export default fp(sockets, { name: 'atelier-websocket' });
