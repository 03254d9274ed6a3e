import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { findUserById } from '../repositories/users.js';
import { isApiKey, verifyApiKey } from './api-keys.js';

/** The caller of an authenticated request. */
export interface AuthUser {
  id: string;
  username: string;
  isAdmin: boolean;
  /** The API key the request came with, when it did not use an access token. */
  apiKeyId?: string;
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

/** Who a bearer token speaks for: an API key's owner, or an access token's subject. */
async function identify(request: FastifyRequest, token: string) {
  const { db, accessTokens } = request.server;
  if (isApiKey(token)) {
    const key = await verifyApiKey(db, token);
    return { userId: key.user_id, apiKeyId: key.id };
  }
  const claims = await accessTokens.verify(token);
  return { userId: claims.userId, apiKeyId: undefined };
}

/**
 * preHandler that admits a valid access token or API key of an enabled
 * user and puts the user on the request. A disabled or deleted user's
 * tokens and keys stop working at once, because the user is read on every
 * request.
 */
export async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = bearerTokenOf(request);
  if (!token) {
    throw new AppError('not_authenticated', 'Missing bearer token', { headers: CHALLENGE });
  }

  const { userId, apiKeyId } = await identify(request, token);
  const user = await findUserById(request.server.db, userId);
  if (!user || user.disabled) {
    throw new AppError('invalid_token', 'Token owner is disabled or gone', {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  }

  request.user = {
    id: user.id,
    username: user.username,
    isAdmin: user.is_admin === 1,
    ...(apiKeyId && { apiKeyId }),
  };
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
