import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { isRedisOutage, redisUnavailable } from '../shared-state/redis-errors.js';
import { AppError, type FieldError } from './app-error.js';
import type { ErrorCode } from './codes.js';
import { buildProblem, sendProblem } from './problem.js';

export interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldOf(issue: ValidationIssue, where: string): string {
  const missing = issue.params?.missingProperty ?? issue.params?.requiredProperties;
  const extra = issue.params?.additionalProperty;
  const pointer = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const leaf = [pointer, missing ?? extra].filter(Boolean).join('.');
  return leaf ? `${where}.${leaf}` : where;
}

/**
 * One message for all the issues of one field. A union of literals fails
 * once per literal, plus once for the union: that reads as its choices.
 */
function messageOf(issues: ValidationIssue[]): string {
  const choices = issues
    .filter((issue) => issue.keyword === 'const')
    .map((issue) => JSON.stringify(issue.params?.allowedValue));
  if (choices.length > 0) return `must be one of ${choices.join(', ')}`;

  const messages = issues.map((issue) =>
    issue.params?.additionalProperty ? 'is not allowed' : (issue.message ?? 'is invalid'),
  );
  const specific = messages.filter((m) => m !== 'must match a schema in anyOf');
  return [...new Set(specific.length > 0 ? specific : messages)].join('; ');
}

/** Validation issues (ajv's) as one field error per field, named from `where`. */
export function fieldErrorsOf(issues: ValidationIssue[], where: string): FieldError[] {
  const byField = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const field = fieldOf(issue, where);
    byField.set(field, [...(byField.get(field) ?? []), issue]);
  }
  return [...byField].map(([field, group]) => ({ field, message: messageOf(group) }));
}

const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Fastify's own client errors, mapped onto our registry. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_TYPE: 'malformed_request',
};

function codeForStatus(status: number): ErrorCode {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  return 'malformed_request';
}

/**
 * The problem body for any error, logging unexpected ones with their stack.
 * Streaming transports use it for failures after their answer has begun.
 */
export function problemOf(error: FastifyError | AppError, request: FastifyRequest) {
  if (error instanceof AppError) {
    return {
      problem: buildProblem(request, error.code, error.message, {
        errors: error.errors,
        extra: error.extra,
      }),
      headers: error.headers,
    };
  }

  if (error.validation) {
    const issues = error.validation as ValidationIssue[];
    const errors = fieldErrorsOf(issues, error.validationContext ?? 'body');
    const detail = `${errors.length} invalid field(s): ${errors.map((e) => e.field).join(', ')}`;
    return { problem: buildProblem(request, 'validation_failed', detail, { errors }) };
  }

  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = FASTIFY_CODES[error.code] ?? codeForStatus(status);
    return { problem: buildProblem(request, code, error.message) };
  }

  // Libraries calling Redis themselves (the rate limiter) throw its raw errors.
  if (isRedisOutage(error)) {
    request.log.warn({ err: error }, 'redis unavailable');
    return problemOf(redisUnavailable(error), request);
  }

  request.log.error({ err: error }, 'unhandled error');
  const detail = `Unexpected error; quote request id ${request.id} when reporting it`;
  return { problem: buildProblem(request, 'internal_error', detail) };
}

/** Every failure leaves as one RFC 9457 problem body. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { problem, headers } = problemOf(error, request);
    request.problemCode = problem.code;
    if (headers) reply.headers(headers);
    return sendProblem(reply, problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // RFC 9110, section 15.5.6: a path that exists answers 405 naming its methods.
    // OPTIONS is CORS's preflight, answered only when CORS is configured.
    const allowed = ROUTE_METHODS.filter((method) => app.findRoute({ method, url: path }));
    if (allowed.length > 0 && request.method !== 'OPTIONS') {
      reply.header('allow', allowed.join(', '));
      const detail = `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}`;
      return sendProblem(reply, buildProblem(request, 'method_not_allowed', detail));
    }
    const detail = `No route for ${request.method} ${path}`;
    return sendProblem(reply, buildProblem(request, 'not_found', detail));
  });
}
