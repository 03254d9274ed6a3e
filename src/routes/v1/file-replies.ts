import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileRow } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { fileEtag } from '../../files/etag.js';
import { serializeFileBody } from '../../files/file-body-cache.js';
import { type FileStamp, findFileInScope } from '../../repositories/file-reads.js';
import type { WorkspaceScope } from '../../workspaces/scope.js';

export const CACHE_CONTROL = 'private, no-cache';

/** The scope's file; history routes also see deleted ones. */
export async function fileInScopeOr404(
  request: FastifyRequest,
  scope: WorkspaceScope,
  fileId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<FileRow> {
  const file = await findFileInScope(request.server.db, scope, fileId, options);
  if (!file) throw new AppError('file_not_found', `No file with id "${fileId}"`);
  return file;
}

/** Sends a file's serialized body (see file-body-cache) with its ETag. */
export function sendFileBody(reply: FastifyReply, file: FileStamp, body: Buffer, status = 200) {
  // The body is already JSON with exactly the schema's fields.
  return reply
    .code(status)
    .header('etag', fileEtag(file.id, file.version))
    .header('cache-control', CACHE_CONTROL)
    .type('application/json; charset=utf-8')
    .send(body);
}

export function sendFile(reply: FastifyReply, file: FileRow, status = 200) {
  return sendFileBody(reply, file, serializeFileBody(file), status);
}
