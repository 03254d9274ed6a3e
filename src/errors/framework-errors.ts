import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '../request-id.js';
import type { ErrorCode } from './codes.js';
import { buildProblem, sendProblem } from './problem.js';

/**
 * Errors Fastify raises before routing (a URL that is not valid
 * percent-encoding, say): answered as problems like every other error.
 */
export function onFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  request.problemCode = 'malformed_request';
  reply.header(REQUEST_ID_HEADER, request.id);
  sendProblem(reply, buildProblem(request, 'malformed_request', error.message));
}

const CLIENT_ERRORS: Record<string, [number, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'request_too_large', 'Request headers are too large'],
  HPE_URI_TOO_LONG: [414, 'request_too_large', 'The request URL is too long'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive'],
};

/**
 * Errors Node's HTTP parser raises before a request exists (headers too
 * large, unparseable request line): a minimal problem body, then close.
 */
export function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const [status, code, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'malformed_request',
    'Malformed HTTP request',
  ];
  const body = JSON.stringify({
    type: `urn:atelier:problem:${code}`,
    title: detail,
    status,
    detail,
    code,
  });
  socket.end(
    `HTTP/1.1 ${status} ${detail}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
