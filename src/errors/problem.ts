import type { FastifyReply, FastifyRequest } from 'fastify';
import { redactUrl } from '../logger.js';
import type { FieldError } from './app-error.js';
import { ERROR_CODES, type ErrorCode } from './codes.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem details body with Atelier's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  request_id: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function buildProblem(
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  more: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
): Problem {
  const { status, title } = ERROR_CODES[code];
  return {
    ...more.extra,
    type: `urn:atelier:problem:${code}`,
    title,
    status,
    detail,
    instance: redactUrl(request.url),
    code,
    request_id: String(request.id),
    ...(more.errors && { errors: more.errors }),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer(JSON.stringify)
    .send(problem);
}
