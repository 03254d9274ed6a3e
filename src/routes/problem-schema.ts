import { Type } from '@fastify/type-provider-typebox';
import { ERROR_CODES } from '../errors/codes.js';

/** RFC 9457 problem details, as every error is answered. */
export const ProblemResponse = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.Enum(Object.keys(ERROR_CODES)),
    request_id: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details with a stable `code`' },
);

/** Response schemas for the error statuses a route can answer. */
export function problemResponses(...statuses: number[]) {
  const problem = {
    description: 'Problem details',
    content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } },
  };
  return Object.fromEntries(statuses.map((status) => [status, problem]));
}
