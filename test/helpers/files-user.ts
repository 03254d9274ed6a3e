import type { FastifyInstance } from 'fastify';
import { createUser } from '../../src/repositories/users.js';

export interface FilesUser {
  id: string;
  username?: string;
  auth: { authorization: string };
}

/**
 * A user with an access token issued directly, so file tests do not depend
 * on the login route. The password hash is never checked here.
 */
export async function addFilesUser(app: FastifyInstance, username: string): Promise<FilesUser> {
  const row = await createUser(app.db, { username, passwordHash: 'unused', isAdmin: false });
  const token = await app.accessTokens.issue(row.id);
  return { id: row.id, username, auth: { authorization: `Bearer ${token}` } };
}

export interface StoredFile {
  id: string;
  path: string;
  language: string;
  size: number;
  version: number;
  content_hash: string;
  created_at: string;
  updated_at: string;
  content: string;
  etag: string;
}

/** Creates a file over HTTP and fails the test unless it answers 201. */
export async function postFile(
  app: FastifyInstance,
  user: FilesUser,
  body: { path: string; content: string; language?: string },
): Promise<StoredFile> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: user.auth,
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return { ...res.json(), etag: res.headers.etag as string };
}
