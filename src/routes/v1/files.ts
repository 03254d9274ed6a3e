import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import type { FileRow } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { encodeCursor, pageStartOf } from '../../files/cursor.js';
import { fileEtag, ifNoneMatchPasses } from '../../files/etag.js';
import { toFileMeta, toFileWithContent } from '../../files/file-view.js';
import { prepareChanges, prepareNewFile } from '../../files/file-writes.js';
import { LANGUAGE_PATTERN } from '../../files/language.js';
import { checkWriteConditions, lostWriteError } from '../../files/preconditions.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import {
  countFiles,
  createFile,
  deleteFile,
  findFileById,
  listFiles,
  updateFile,
} from '../../repositories/files.js';
import { problemResponses } from '../problem-schema.js';

const Language = Type.String({
  pattern: LANGUAGE_PATTERN,
  description: 'Lowercase language id; detected from the file name when omitted',
  examples: ['python', 'typescript', 'plaintext'],
});
const FilePath = Type.String({
  description:
    'Relative POSIX path. Normalised (NFC, no "./" or repeated "/"); absolute paths, ' +
    '".." segments, backslashes and control characters are refused',
  examples: ['src/app.py'],
});
const FileContent = Type.String({
  description: 'UTF-8 text without NUL; at most ATELIER_MAX_FILE_BYTES bytes',
  examples: ['print("hello")\n'],
});

export const FileMetaProps = {
  id: Type.String({ description: 'Opaque file id', examples: ['f_q3v7k2m4x6a8c0e2g4i6k8m0o2'] }),
  path: Type.String({ examples: ['src/app.py'] }),
  language: Type.String({ examples: ['python'] }),
  size: Type.Integer({ minimum: 0, description: 'Content size in UTF-8 bytes' }),
  version: Type.Integer({ minimum: 1, description: 'Bumped by every write' }),
  content_hash: Type.String({ description: 'SHA-256 of the content, hex' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
};

const ETAG_HEADER = { etag: { type: 'string', description: 'Strong validator of this version' } };
const READ_HEADERS = { ...ETAG_HEADER, 'cache-control': { type: 'string' } };

const FileMeta = Type.Object(FileMetaProps);
const FileResponse = Type.Object(
  { ...FileMetaProps, content: Type.String() },
  { description: 'The file with its content', headers: READ_HEADERS },
);
const CreatedFileResponse = Type.Object(
  { ...FileMetaProps, content: Type.String() },
  {
    description: 'Created',
    headers: { ...ETAG_HEADER, location: { type: 'string', description: 'The file URL' } },
  },
);
const FileListResponse = Type.Object({
  items: Type.Array(FileMeta),
  total: Type.Integer({ minimum: 0, description: 'Files matching the filters' }),
  next_cursor: Type.Optional(
    Type.String({ description: 'Pass as `cursor` for the next page; absent on the last' }),
  ),
});

const FileParams = Type.Object({ file_id: Type.String({ minLength: 1, maxLength: 64 }) });
const FileListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    offset: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Not with `cursor`' }),
    ),
    path_prefix: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'Plain string prefix, case-sensitive: "src/" for a folder',
      }),
    ),
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
);
const CreateFileBody = Type.Object(
  { path: FilePath, content: FileContent, language: Type.Optional(Language) },
  { additionalProperties: false },
);
const UpdateFileBody = Type.Object(
  {
    path: Type.Optional(FilePath),
    content: Type.Optional(FileContent),
    language: Type.Optional(Language),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A response without a body: `type: 'null'` keeps it out of the docs' content. */
const emptyResponse = (description: string) =>
  Type.Unsafe<undefined>({ type: 'null', description });
const NotModified = emptyResponse('Not modified; the ETag header is repeated');
const NoContent = emptyResponse('Deleted');
const IF_MATCH_DOC =
  'Honours If-Match (strong comparison) and answers 412 `precondition_failed` when it ' +
  'does not match the current ETag, or when another write wins the race. Without ' +
  'If-Match the write proceeds unconditionally (last writer wins).';

const security = BEARER_SECURITY;
const CACHE_CONTROL = 'private, no-cache';

async function ownFileOr404(request: FastifyRequest, fileId: string): Promise<FileRow> {
  const file = await findFileById(request.server.db, currentUser(request).id, fileId);
  if (!file) throw new AppError('file_not_found', `No file with id "${fileId}"`);
  return file;
}

function sendFile(reply: FastifyReply, file: FileRow, status = 200) {
  const etag = fileEtag(file.id, file.version);
  return (
    reply
      .code(status)
      .header('etag', etag)
      .header('cache-control', CACHE_CONTROL)
      .type('application/json; charset=utf-8')
      // The view already has exactly the schema's fields; native JSON.stringify
      // escapes long contents several times faster than the schema serializer.
      .serializer(JSON.stringify)
      .send(toFileWithContent(file))
  );
}

/** The user's source files. Every route answers only for the caller's own files. */
const files: FastifyPluginAsyncTypebox = async (app) => {
  // Before body parsing, so anonymous callers cannot make us parse large bodies.
  app.addHook('onRequest', authenticate);

  app.get(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary: 'List files',
        description:
          'Lists the caller’s files ordered by path, without content. Page with `cursor` ' +
          '(stable under concurrent writes) or `offset`; filter by `path_prefix` and `language`.',
        security,
        querystring: FileListQuery,
        response: { 200: FileListResponse, ...problemResponses(401, 422) },
      },
    },
    async (request, reply) => {
      const { limit, path_prefix, language } = request.query;
      const filter = { userId: currentUser(request).id, pathPrefix: path_prefix, language };
      const page = { limit, ...pageStartOf(request.query) };

      const { rows, hasMore } = await listFiles(app.db, filter, page);
      const total = await countFiles(app.db, filter);

      const last = rows.at(-1);
      reply.header('cache-control', CACHE_CONTROL);
      return {
        items: rows.map(toFileMeta),
        total,
        ...(hasMore && last && { next_cursor: encodeCursor(last.path) }),
      };
    },
  );

  app.post(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Create a file',
        description:
          'Stores a new file at version 1. The language is detected from the name unless ' +
          'given. Answers 409 `file_exists` when the caller already has a file at the path.',
        security,
        body: CreateFileBody,
        response: { 201: CreatedFileResponse, ...problemResponses(400, 401, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const input = prepareNewFile(user.id, request.body, app.config.maxFileBytes);

      const file = await createFile(app.db, input);

      reply.header('location', `/api/v1/files/${file.id}`);
      return sendFile(reply, file, 201);
    },
  );

  app.get(
    '/files/:file_id',
    {
      schema: {
        tags: ['files'],
        summary: 'Read a file',
        description:
          'Returns the file with its content and ETag. Answers 304 when If-None-Match ' +
          '(weak comparison) matches the current ETag.',
        security,
        params: FileParams,
        response: { 200: FileResponse, 304: NotModified, ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const file = await ownFileOr404(request, request.params.file_id);

      const etag = fileEtag(file.id, file.version);
      if (!ifNoneMatchPasses(request.headers['if-none-match'], etag)) {
        reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
        return reply.code(304).send();
      }

      return sendFile(reply, file);
    },
  );

  app.put(
    '/files/:file_id',
    {
      schema: {
        tags: ['files'],
        summary: 'Update a file',
        description:
          'Changes any of content, path and language, and bumps the version. A rename ' +
          'without a language re-detects it unless it had been set by hand. ' +
          IF_MATCH_DOC,
        security,
        params: FileParams,
        body: UpdateFileBody,
        response: { 200: FileResponse, ...problemResponses(400, 401, 404, 409, 412, 413, 422) },
      },
    },
    async (request, reply) => {
      const file = await ownFileOr404(request, request.params.file_id);
      const conditional = checkWriteConditions(request.headers, file);
      const changes = prepareChanges(file, request.body, app.config.maxFileBytes);

      const target = { userId: file.user_id, id: file.id, ...conditional };
      const updated = await updateFile(app.db, target, changes);
      if (!updated) throw lostWriteError(file, conditional);

      return sendFile(reply, updated);
    },
  );

  app.delete(
    '/files/:file_id',
    {
      schema: {
        tags: ['files'],
        summary: 'Delete a file',
        description: `Deletes the file. ${IF_MATCH_DOC}`,
        security,
        params: FileParams,
        response: { 204: NoContent, ...problemResponses(401, 404, 412) },
      },
    },
    async (request, reply) => {
      const file = await ownFileOr404(request, request.params.file_id);
      const conditional = checkWriteConditions(request.headers, file);

      const target = { userId: file.user_id, id: file.id, ...conditional };
      const deleted = await deleteFile(app.db, target);
      if (!deleted) throw lostWriteError(file, conditional);

      return reply.code(204).send();
    },
  );
};

export default files;
