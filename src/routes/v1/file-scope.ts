import type { FastifyRequest } from 'fastify';
import type { FileRow } from '../../db/schema.js';
import { type Capability, scopeOf } from '../../workspaces/scope.js';
import { fileInScopeOr404 } from './file-replies.js';

/**
 * The file with this id in the request's workspace (the caller's personal
 * one in v1), after checking the caller's role allows `need` there; 404
 * `file_not_found` when it is not in the workspace.
 */
export async function findScopedFile(
  request: FastifyRequest,
  fileId: string,
  need: Capability = 'read',
): Promise<FileRow> {
  const scope = await scopeOf(request, need);
  return fileInScopeOr404(request, scope, fileId);
}
