import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isApiKey, verifyApiKey } from '../auth/api-keys.js';
import { type AuthUser, bearerTokenOf } from '../auth/authenticate.js';
import { AppError } from '../errors/app-error.js';
import { findUserById } from '../repositories/users.js';

/**
 * Browsers cannot set headers on a WebSocket handshake, so a client may
 * offer the subprotocols `bearer` and its token; the server echoes `bearer`.
 */
export const BEARER_PROTOCOL = 'bearer';

export interface SocketIdentity {
  user: AuthUser;
  /** When the token expires, in seconds since the epoch. */
  expiresAt: number;
}

/** The `handleProtocols` hook of the WebSocket server. */
export function selectProtocol(protocols: Set<string>): string | false {
  return protocols.has(BEARER_PROTOCOL) ? BEARER_PROTOCOL : false;
}

/** A token from the `Authorization` header or the subprotocol list, if any. */
export function handshakeToken(request: FastifyRequest): string | undefined {
  const header = bearerTokenOf(request);
  if (header) return header;

  const offered = (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (!offered.includes(BEARER_PROTOCOL)) return undefined;
  return offered.find((p) => p !== BEARER_PROTOCOL);
}

/** A key without an expiry never closes its socket for that reason. */
const NEVER = Number.POSITIVE_INFINITY;

/** Whose token it is, and until when it is good: an access token or an API key. */
async function verifyToken(app: FastifyInstance, token: string) {
  if (!isApiKey(token)) {
    const claims = await app.accessTokens.verify(token);
    return { userId: claims.userId, expiresAt: claims.expiresAt, apiKeyId: undefined };
  }
  const key = await verifyApiKey(app.db, token);
  // Whole seconds, as a JWT's exp is; a key expiring mid-second ends at its start.
  const expiresAt = key.expires_at ? Math.floor(Date.parse(key.expires_at) / 1000) : NEVER;
  return { userId: key.user_id, expiresAt, apiKeyId: key.id };
}

/** Verifies an access token or API key and loads its user, who must still be enabled. */
export async function identify(app: FastifyInstance, token: string): Promise<SocketIdentity> {
  const { userId, expiresAt, apiKeyId } = await verifyToken(app, token);
  const user = await findUserById(app.db, userId);
  if (!user || user.disabled)
    throw new AppError('invalid_token', 'Token owner is disabled or gone');
  return {
    user: {
      id: user.id,
      username: user.username,
      isAdmin: user.is_admin === 1,
      ...(apiKeyId && { apiKeyId }),
    },
    expiresAt,
  };
}

/** Whether the user may still work: disabling a user stops open sockets too. */
export async function isStillEnabled(app: FastifyInstance, userId: string): Promise<boolean> {
  const user = await findUserById(app.db, userId);
  return user !== undefined && !user.disabled;
}
