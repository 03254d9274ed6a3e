import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import {
  claimRefreshToken,
  findRefreshTokenByHash,
  insertRefreshToken,
  revokeRefreshTokenFamily,
} from '../repositories/refresh-tokens.js';
import { findUserById } from '../repositories/users.js';

/** 256 bits: far beyond guessing, so refresh needs no rate limit of its own. */
const TOKEN_BYTES = 32;

const CHALLENGE = { 'www-authenticate': 'Bearer error="invalid_token"' };

type Exchange =
  | { outcome: 'rotated'; userId: string; token: string }
  | { outcome: 'reused'; userId: string; familyId: string }
  | { outcome: 'invalid'; detail: string };

export interface RotateOptions {
  ttlSeconds: number;
  log: FastifyBaseLogger;
}

/** Only this digest is stored, so a leaked database holds no usable token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a refresh token; without a family it starts one (a new sign-in). */
export async function issueRefreshToken(
  db: Db,
  userId: string,
  ttlSeconds: number,
  familyId: string = randomUUID(),
): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const now = new Date();
  await insertRefreshToken(db, {
    id: randomUUID(),
    user_id: userId,
    family_id: familyId,
    token_hash: hashRefreshToken(token),
    expires_at: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
    used_at: null,
    revoked_at: null,
    created_at: now.toISOString(),
  });
  return token;
}

/**
 * Exchanges a refresh token for a new one in the same family. A token seen
 * twice means a copy leaked, and we cannot tell the thief from the owner, so
 * the whole family is revoked and both must sign in again (RFC 9700 4.14.2).
 */
export async function rotateRefreshToken(
  db: Db,
  token: string,
  options: RotateOptions,
): Promise<{ userId: string; refreshToken: string }> {
  const result = await db.transaction().execute((trx) => exchange(trx, token, options.ttlSeconds));

  if (result.outcome === 'reused') {
    const { userId, familyId } = result;
    options.log.warn({ userId, familyId }, 'refresh token reused; family revoked');
    throw new AppError('refresh_token_reused', 'Refresh token was already used; sign in again', {
      headers: CHALLENGE,
    });
  }
  if (result.outcome === 'invalid') {
    throw new AppError('invalid_refresh_token', result.detail, { headers: CHALLENGE });
  }
  return { userId: result.userId, refreshToken: result.token };
}

// Runs inside one transaction: the revocation of a reused family commits
// even though the caller then answers with an error.
async function exchange(db: Db, token: string, ttlSeconds: number): Promise<Exchange> {
  const row = await findRefreshTokenByHash(db, hashRefreshToken(token));
  if (!row) return { outcome: 'invalid', detail: 'Unknown refresh token' };

  // A token revoked before it was ever used (sign-out, password change) is
  // simply dead; only a used one coming back is a sign of theft.
  if (row.revoked_at !== null && row.used_at === null) {
    return { outcome: 'invalid', detail: 'Refresh token revoked; sign in again' };
  }
  const now = new Date().toISOString();
  if (!(await claimRefreshToken(db, row.id, now))) {
    await revokeRefreshTokenFamily(db, row.family_id, now, { replayed: true });
    return { outcome: 'reused', userId: row.user_id, familyId: row.family_id };
  }
  if (row.expires_at <= now) return { outcome: 'invalid', detail: 'Refresh token expired' };

  const user = await findUserById(db, row.user_id);
  if (!user || user.disabled) {
    return { outcome: 'invalid', detail: 'Refresh token owner is disabled or gone' };
  }

  const next = await issueRefreshToken(db, row.user_id, ttlSeconds, row.family_id);
  return { outcome: 'rotated', userId: row.user_id, token: next };
}

/** Revokes the family of a token; unknown tokens are ignored (RFC 7009 2.2). */
export async function revokeRefreshToken(db: Db, token: string): Promise<void> {
  const row = await findRefreshTokenByHash(db, hashRefreshToken(token));
  if (row) await revokeRefreshTokenFamily(db, row.family_id, new Date().toISOString());
}
