import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { findUserById } from '../repositories/users.js';

/** The caller of an authenticated request. */
export interface AuthUser {
  id: string;
  username: string;
  isAdmin: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
}

const CHALLENGE = { 'www-authenticate': 'Bearer' };

export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * preHandler that admits a valid access token of an enabled user and puts
 * the user on the request. A disabled or deleted user's tokens stop
 * working at once, because the user is read on every request.
 */
export async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = bearerTokenOf(request);
  if (!token) {
    throw new AppError('not_authenticated', 'Missing bearer token', { headers: CHALLENGE });
  }

  const claims = await request.server.accessTokens.verify(token);
  const user = await findUserById(request.server.db, claims.userId);
  if (!user || user.disabled) {
    throw new AppError('invalid_token', 'Token owner is disabled or gone', {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  }

  request.user = { id: user.id, username: user.username, isAdmin: user.is_admin === 1 };
}

export async function requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await authenticate(request, reply);
  if (!request.user?.isAdmin) throw new AppError('forbidden', 'Administrators only');
}

/** The authenticated user; only valid after `authenticate` ran. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new AppError('not_authenticated', undefined, { headers: CHALLENGE });
  return request.user;
}
