import { Type } from 'typebox';

/**
 * The RFC 9457 body every failure answers with, for route docs. The error
 * handler serialises problems itself, so this schema documents, not filters.
 */
export const ProblemResponse = Type.Object(
  {
    type: Type.String({ examples: ['urn:atelier:problem:file_not_found'] }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String({ description: 'Stable error code; see the README error table' }),
    request_id: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
        description: 'The offending fields of a validation problem',
      }),
    ),
  },
  { description: 'Problem details (application/problem+json)' },
);
