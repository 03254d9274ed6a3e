import type { FastifyRequest } from 'fastify';
import { currentUser } from '../../auth/authenticate.js';
import type { FileRow } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { findFileById } from '../../repositories/files.js';

/**
 * Whose files a request works on. In v1 that is the caller's personal
 * workspace; the code-intelligence and edit routes take it only from here,
 * so another mount (a shared workspace) can supply its own.
 */
export interface FileScope {
  userId: string;
}

export function fileScopeOf(request: FastifyRequest): FileScope {
  return { userId: currentUser(request).id };
}

/** The scope's file with this id, or 404 `file_not_found`. */
export async function findScopedFile(request: FastifyRequest, fileId: string): Promise<FileRow> {
  const file = await findFileById(request.server.db, fileScopeOf(request).userId, fileId);
  if (!file) throw new AppError('file_not_found', `No file with id "${fileId}"`);
  return file;
}
