import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { AppError } from '../../errors/app-error.js';
import { problemOf } from '../../errors/error-handler.js';
import { buildProblem, type Problem } from '../../errors/problem.js';

/** OpenAI's error `type` for an HTTP status, which its client libraries map to classes. */
function typeOf(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** OpenAI's error body, carrying Atelier's stable code. */
export function toOpenAIError(problem: Problem) {
  const field = problem.errors?.[0]?.field;
  return {
    error: {
      message: problem.detail,
      type: typeOf(problem.status),
      param: field ? field.replace(/^body\./, '') : null,
      code: problem.code,
    },
  };
}

export function openAIErrorOf(error: unknown, request: FastifyRequest) {
  return toOpenAIError(problemOf(error as FastifyError | AppError, request).problem);
}

/**
 * Errors under `/v1` leave in OpenAI's shape, `{error: {message, type,
 * param, code}}`, since the clients there are OpenAI's libraries; the
 * status, headers (Retry-After) and logging are the same as elsewhere.
 */
export function registerOpenAIErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { problem, headers } = problemOf(error, request);
    request.problemCode = problem.code;
    if (headers) reply.headers(headers);
    return reply.code(problem.status).send(toOpenAIError(problem));
  });

  app.setNotFoundHandler((request, reply) => {
    const detail = `No route for ${request.method} ${request.url.split('?')[0]}`;
    return reply.code(404).send(toOpenAIError(buildProblem(request, 'not_found', detail)));
  });
}
