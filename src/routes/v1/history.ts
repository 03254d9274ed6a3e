import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../../auth/authenticate.js';
import type { FileRow } from '../../db/schema.js';
import { fileEtag } from '../../files/etag.js';
import {
  findVersionOr404,
  type HistoryWrite,
  restoreDeletedFile,
  restoreVersion,
  undoLastChange,
} from '../../files/file-history.js';
import { toDeletedFile, toFileState } from '../../files/file-view.js';
import { checkWriteConditions } from '../../files/preconditions.js';
import { toVersion, toVersionMeta } from '../../files/version-view.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { listDeletedFiles } from '../../repositories/file-reads.js';
import { countVersions, listVersions } from '../../repositories/file-versions.js';
import { scopeFields, scopeOf } from '../../workspaces/scope.js';
import { problemResponses } from '../problem-schema.js';
import { CACHE_CONTROL, fileInScopeOr404 } from './file-replies.js';
import { FileMetaProps, FileParams } from './file-schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const VersionMetaProps = {
  n: Type.Integer({ minimum: 1, description: "The file's version after this write" }),
  path: Type.String(),
  language: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  content_hash: Nullable(Type.String({ description: 'SHA-256 of the content; null if deleted' })),
  deleted: Type.Boolean({ description: 'This write deleted the file' }),
  reason: Type.String({ examples: ['manual', 'ai-edit', 'restore', 'undo', 'delete'] }),
  operation: Type.Optional(Type.String({ description: 'ai-edit: the AI operation' })),
  model: Type.Optional(Type.String({ description: 'ai-edit: the model' })),
  restored_from: Type.Optional(
    Type.Integer({ description: 'restore and undo: the version whose state was copied' }),
  ),
  author: Type.Union([Type.Object({ id: Type.String(), username: Type.String() }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
};

const VersionListResponse = Type.Object({
  items: Type.Array(Type.Object(VersionMetaProps)),
  total: Type.Integer({ minimum: 0 }),
});
const VersionResponse = Type.Object({
  ...VersionMetaProps,
  content: Nullable(Type.String({ description: 'Null when this write deleted the file' })),
});
const FileStateResponse = Type.Object(
  {
    ...FileMetaProps,
    content: Nullable(Type.String({ description: 'Null when the write deleted the file' })),
    deleted_at: Nullable(Type.String({ format: 'date-time' })),
  },
  { description: 'The file after the write', headers: { etag: { type: 'string' } } },
);
const TrashResponse = Type.Object({
  items: Type.Array(
    Type.Object({ ...FileMetaProps, deleted_at: Type.String({ format: 'date-time' }) }),
  ),
});

const PageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
const VersionParams = Type.Object({
  ...FileParams.properties,
  n: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }),
});

const IF_MATCH =
  'Honours If-Match (412 when stale); the write is pinned to the version read, so a ' +
  'concurrent write makes it 412 too.';
const WRITE_ERRORS = problemResponses(401, 403, 404, 409, 412, 422);

async function historyWrite(request: FastifyRequest, fileId: string): Promise<HistoryWrite> {
  const scope = await scopeOf(request, 'write');
  const file = await fileInScopeOr404(request, scope, fileId, { includeDeleted: true });
  checkWriteConditions(request.headers, file);
  return { scope: scopeFields(scope), file };
}

function sendState(reply: FastifyReply, file: FileRow) {
  reply.header('etag', fileEtag(file.id, file.version)).header('cache-control', CACHE_CONTROL);
  return toFileState(file);
}

/** Versions, restore, undo and the trash of the request's workspace scope. */
const history: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', authenticate);
  const common = { tags: ['history'], security: BEARER_SECURITY };

  app.get(
    '/files/:file_id/versions',
    {
      schema: {
        ...common,
        summary: "List a file's versions",
        description:
          'Every write (create, update, rename, delete, restore, undo) is a version, newest ' +
          'first, without content. Deleted files keep their history.',
        params: FileParams,
        querystring: PageQuery,
        response: { 200: VersionListResponse, ...problemResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const scope = await scopeOf(request);
      const file = await fileInScopeOr404(request, scope, request.params.file_id, {
        includeDeleted: true,
      });

      const rows = await listVersions(app.db, file.id, request.query);
      return { items: rows.map(toVersionMeta), total: await countVersions(app.db, file.id) };
    },
  );

  app.get(
    '/files/:file_id/versions/:n',
    {
      schema: {
        ...common,
        summary: 'Read one version',
        description: 'The version with its content (null when it deleted the file).',
        params: VersionParams,
        response: { 200: VersionResponse, ...problemResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const scope = await scopeOf(request);
      const { file_id, n } = request.params;
      const file = await fileInScopeOr404(request, scope, file_id, { includeDeleted: true });

      return toVersion(await findVersionOr404(app.db, file.id, n));
    },
  );

  app.post(
    '/files/:file_id/versions/:n/restore',
    {
      schema: {
        ...common,
        summary: 'Restore a version',
        description:
          'Writes version `n`’s path, language and content as a new version (reason ' +
          '`restore`), undeleting the file if needed. 409 `version_is_deletion` when `n` ' +
          `deleted the file; 409 \`file_exists\` when its path is taken. ${IF_MATCH}`,
        params: VersionParams,
        response: { 200: FileStateResponse, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const write = await historyWrite(request, request.params.file_id);

      return sendState(reply, await restoreVersion(app.db, write, request.params.n));
    },
  );

  app.post(
    '/files/:file_id/undo',
    {
      schema: {
        ...common,
        summary: 'Undo the most recent change',
        description:
          'Writes the previous version again (reason `undo`). Undoing again steps further ' +
          'back; undoing a deletion restores the file, undoing a restore of a deleted file ' +
          'deletes it again. 409 `nothing_to_undo` at the first version (a create is undone ' +
          `by deleting the file). ${IF_MATCH}`,
        params: FileParams,
        response: { 200: FileStateResponse, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const write = await historyWrite(request, request.params.file_id);

      return sendState(reply, await undoLastChange(app.db, write));
    },
  );

  app.get(
    '/trash',
    {
      schema: {
        ...common,
        summary: 'List deleted files',
        description: 'Deleted files, most recently deleted first; restore them by id.',
        querystring: PageQuery,
        response: { 200: TrashResponse, ...problemResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const scope = await scopeOf(request);

      const rows = await listDeletedFiles(app.db, scopeFields(scope), request.query);
      return { items: rows.map(toDeletedFile) };
    },
  );

  app.post(
    '/files/:file_id/restore',
    {
      schema: {
        ...common,
        summary: 'Restore a deleted file',
        description:
          'Brings a deleted file back with its last content (reason `restore`). ' +
          '409 `file_not_deleted` for a live file; 409 `file_exists` when its path is taken. ' +
          IF_MATCH,
        params: FileParams,
        response: { 200: FileStateResponse, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const write = await historyWrite(request, request.params.file_id);

      return sendState(reply, await restoreDeletedFile(app.db, write));
    },
  );
};

export default history;
