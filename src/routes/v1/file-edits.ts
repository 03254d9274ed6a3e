import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import type { FileRow } from '../../db/schema.js';
import { type EditInput, editFile } from '../../edits/file-edits.js';
import { AppError } from '../../errors/app-error.js';
import { fileEtag } from '../../files/etag.js';
import { toFileWithContent } from '../../files/file-view.js';
import { checkWriteConditions } from '../../files/preconditions.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { problemResponses } from '../problem-schema.js';
import { FileMetaProps } from './file-schemas.js';
import { findScopedFile } from './file-scope.js';

const MAX_EDITS = 100;
const MAX_EDIT_CHARS = 1024 * 1024;

export const EditItem = Type.Object(
  {
    search: Type.String({ minLength: 1, maxLength: MAX_EDIT_CHARS }),
    replace: Type.String({ maxLength: MAX_EDIT_CHARS }),
  },
  { additionalProperties: false },
);

// Optional rather than defaulted: Ajv applies no defaults inside a union.
const Force = Type.Optional(
  Type.Boolean({
    description: 'Apply even if the result has syntax errors the file did not have (default false)',
  }),
);

const EditsBody = Type.Union(
  [
    Type.Object(
      { edits: Type.Array(EditItem, { minItems: 1, maxItems: MAX_EDITS }), force: Force },
      { additionalProperties: false },
    ),
    Type.Object(
      { diff: Type.String({ minLength: 1, maxLength: 4 * MAX_EDIT_CHARS }), force: Force },
      { additionalProperties: false },
    ),
  ],
  {
    examples: [{ edits: [{ search: 'return n\n', replace: 'return max(n, 0)\n' }] }],
  },
);

const EditsQuery = Type.Object(
  { dry_run: Type.Boolean({ default: false, description: 'Only return the diff' }) },
  { additionalProperties: false },
);

export const EditResponse = Type.Object(
  {
    dry_run: Type.Boolean(),
    written: Type.Boolean({ description: 'False on a dry run or when nothing changed' }),
    diff: Type.String({ description: 'Unified diff from the old content to the new' }),
    size: Type.Integer({ description: 'Size of the resulting content, UTF-8 bytes' }),
    content_hash: Type.String({ description: 'SHA-256 of the resulting content' }),
    file: Type.Optional(
      Type.Object({ ...FileMetaProps, content: Type.String() }, { description: 'After a write' }),
    ),
  },
  { headers: { etag: { type: 'string', description: "The file's ETag after the request" } } },
);

const FileParams = Type.Object({ file_id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Edits must name the version they were made against: If-Match is required. */
export function requiredVersion(request: FastifyRequest, file: FileRow): number {
  if (request.headers['if-match'] === undefined) {
    throw new AppError(
      'precondition_required',
      "Send If-Match with the file's ETag, so edits never land on a version you have not seen",
    );
  }
  return checkWriteConditions(request.headers, file).expectedVersion ?? file.version;
}

const fileEdits: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/files/:file_id/edits',
    {
      onRequest: authenticate,
      schema: {
        tags: ['files'],
        summary: 'Apply edits to a file',
        description:
          'Applies search/replace `edits` (in order, each to the result of the previous) or a ' +
          'one-file unified `diff`, all or nothing. Requires If-Match (428 without, 412 when ' +
          'stale). A search text that does not occur exactly once, or a hunk that does not ' +
          'fit, answers 409 `edit_conflict` with `edit_index` and the closest `candidate` ' +
          'region. A result with syntax errors the file did not have answers 422 ' +
          '`syntax_error` unless `force`. `?dry_run=true` returns the diff without writing.',
        security: BEARER_SECURITY,
        params: FileParams,
        querystring: EditsQuery,
        body: EditsBody,
        response: {
          200: EditResponse,
          ...problemResponses(400, 401, 404, 409, 412, 413, 422, 428),
        },
      },
    },
    async (request, reply) => {
      const file = await findScopedFile(request, request.params.file_id, 'write');
      const expectedVersion = requiredVersion(request, file);
      const { force, ...input } = request.body;
      const dryRun = request.query.dry_run;

      const outcome = await editFile(app.db, file, input as EditInput, {
        force: force ?? false,
        dryRun,
        expectedVersion,
        maxBytes: app.config.maxFileBytes,
        meta: { authorId: currentUser(request).id, reason: 'manual' },
      });

      reply.header('etag', fileEtag(outcome.file.id, outcome.file.version));
      return {
        dry_run: dryRun,
        written: outcome.written,
        diff: outcome.diff,
        size: outcome.size,
        content_hash: outcome.contentHash,
        ...(outcome.written && { file: toFileWithContent(outcome.file) }),
      };
    },
  );
};

export default fileEdits;
