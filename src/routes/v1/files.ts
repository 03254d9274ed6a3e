import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate } from '../../auth/authenticate.js';
import { AppError } from '../../errors/app-error.js';
import { encodeCursor, pageStartOf } from '../../files/cursor.js';
import { fileEtag, ifNoneMatchPasses } from '../../files/etag.js';
import { cachedFileBody } from '../../files/file-body-cache.js';
import { toFileMeta } from '../../files/file-view.js';
import { prepareChanges, prepareNewFile } from '../../files/file-writes.js';
import { checkWriteConditions, lostWriteError } from '../../files/preconditions.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { countFiles, findFileStampInScope, listFiles } from '../../repositories/file-reads.js';
import { createFile, deleteFile, updateFile } from '../../repositories/files.js';
import { scopeFields, scopeOf } from '../../workspaces/scope.js';
import { problemResponses } from '../problem-schema.js';
import { CACHE_CONTROL, fileInScopeOr404, sendFile, sendFileBody } from './file-replies.js';
import {
  CreatedFileResponse,
  CreateFileBody,
  FileListQuery,
  FileListResponse,
  FileParams,
  FileResponse,
  IF_MATCH_DOC,
  NoContent,
  NotModified,
  UpdateFileBody,
} from './file-schemas.js';

const security = BEARER_SECURITY;

/**
 * Source files of the request's workspace scope: the caller's personal
 * workspace in v1, a shared one in v2. Every route answers only for files
 * of that workspace.
 */
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
          'Lists the workspace’s files ordered by path, without content. Page with `cursor` ' +
          '(stable under concurrent writes) or `offset`; filter by `path_prefix` and `language`.',
        security,
        querystring: FileListQuery,
        response: { 200: FileListResponse, ...problemResponses(401, 422) },
      },
    },
    async (request, reply) => {
      const { limit, path_prefix, language } = request.query;
      const scope = await scopeOf(request);
      const filter = { ...scopeFields(scope), pathPrefix: path_prefix, language };
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
      const scope = await scopeOf(request, 'write');
      const input = prepareNewFile(scope.userId, request.body, app.config.maxFileBytes);

      const file = await createFile(app.db, { ...input, workspaceId: scope.workspaceId });

      reply.header('location', `${scope.baseUrl}/files/${file.id}`);
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
      const scope = await scopeOf(request);
      const { file_id: fileId } = request.params;
      const stamp = await findFileStampInScope(app.db, scopeFields(scope), fileId);
      if (!stamp) throw new AppError('file_not_found', `No file with id "${fileId}"`);

      const etag = fileEtag(stamp.id, stamp.version);
      if (!ifNoneMatchPasses(request.headers['if-none-match'], etag)) {
        reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
        return reply.code(304).send();
      }

      const cached = cachedFileBody(stamp);
      if (cached !== undefined) return sendFileBody(reply, stamp, cached);
      return sendFile(reply, await fileInScopeOr404(request, scope, fileId));
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
      const scope = await scopeOf(request, 'write');
      const file = await fileInScopeOr404(request, scope, request.params.file_id);
      const conditional = checkWriteConditions(request.headers, file);
      const changes = prepareChanges(file, request.body, app.config.maxFileBytes);

      const target = { ...scopeFields(scope), id: file.id, ...conditional };
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
      const scope = await scopeOf(request, 'write');
      const file = await fileInScopeOr404(request, scope, request.params.file_id);
      const conditional = checkWriteConditions(request.headers, file);

      const target = { ...scopeFields(scope), id: file.id, ...conditional };
      const deleted = await deleteFile(app.db, target);
      if (!deleted) throw lostWriteError(file, conditional);

      return reply.code(204).send();
    },
  );
};

export default files;
