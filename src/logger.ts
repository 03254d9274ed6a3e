import {
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import pino from 'pino';

/** Where log lines go instead of stdout; anything with `write(line)`. */
export interface LogStream {
  write(line: string): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The problem code answered, when the request failed; logged once. */
    problemCode?: string;
    /** How an AI generation ended, when the request ran one; logged once. */
    finishReason?: string;
  }
}

const SECRET_QUERY = /([?&](?:access_token|refresh_token|token|api_key|key|password)=)[^&#]*/gi;

/**
 * Query parameters that look like credentials are blanked wherever a URL is
 * echoed (log lines, problem bodies); some clients put tokens there.
 */
export function redactUrl(url: string): string {
  return url.includes('?') ? url.replace(SECRET_QUERY, '$1[redacted]') : url;
}

/**
 * Anything that may carry a secret is blanked before a line is written.
 * The shapes are named one by one: a wildcard path (`*.password`) cost
 * more than writing the rest of a request's line.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  'access_token',
  'refresh_token',
  'body.password',
  'body.access_token',
  'body.refresh_token',
  'user.password',
  'user.password_hash',
  'password_hash',
];

/**
 * One line per request, written when it completes, carrying what an
 * operator needs: route, status, time, user and the problem code if any.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'reqId' });
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    writeRequestLine(error, request, reply);
  }
}

function writeRequestLine(
  error: Error | null,
  request: FastifyRequest,
  reply: FastifyReply,
  clientGone?: true,
): void {
  const line = {
    method: request.method,
    url: redactUrl(request.url),
    statusCode: reply.statusCode,
    responseTime: Math.round(reply.elapsedTime * 10) / 10,
    userId: request.user?.id,
    code: request.problemCode,
    finish: request.finishReason,
    clientGone,
    ...(error && { err: error }),
  };
  // Unexpected errors are logged with their stack by the error handler;
  // a 5xx here is often a dependency that is not ready, worth a warning.
  if (error) reply.log.error(line, 'request failed');
  else if (reply.statusCode >= 500) reply.log.warn(line, 'request completed');
  else reply.log.info(line, 'request completed');
}

/**
 * The request line for a streamed answer the client left before its end:
 * Node then never reports the response finished, so Fastify writes no line.
 */
export function logAbandonedRequest(request: FastifyRequest, reply: FastifyReply): void {
  if (abandonedLogged.has(request)) return;
  abandonedLogged.add(request);
  writeRequestLine(null, request, reply, true);
}

/** Requests whose hang-up already has its line; one line per request. */
const abandonedLogged = new WeakSet<FastifyRequest>();

/**
 * Standard output, written asynchronously: lines that arrive while one
 * write is under way go out together in the next, rather than one write(2)
 * each under load. pino flushes what is left when the process exits.
 */
function standardOutput(): LogStream {
  return pino.destination({ dest: 1, sync: false });
}

/** `stream` replaces stdout, so that tests can read the lines written. */
export function serverLogOptions(
  level: string,
  stream?: LogStream,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    logger: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      stream: stream ?? standardOutput(),
    },
    logController: new RequestLogController(),
  };
}

/**
 * A client that hangs up before the answer is written gets no completion
 * line from Fastify; log one anyway, so every request leaves exactly one.
 */
export function logIfAborted(request: FastifyRequest, reply: FastifyReply): void {
  reply.raw.once('close', () => {
    if (reply.sent || reply.raw.writableFinished) return;
    logAbandonedRequest(request, reply);
  });
}
