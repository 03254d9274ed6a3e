import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { ApiKeyRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findApiKeyByHash, insertApiKey, touchApiKey } from '../repositories/api-keys.js';

/** Marks a bearer token as an API key rather than a JWT (which starts with `eyJ`). */
export const API_KEY_PREFIX = 'atk_';
/** 256 bits of randomness: keys need no rate limit against guessing. */
const KEY_BYTES = 32;
/** Characters of the key kept in clear, so users can tell their keys apart. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 4;
/** Writing last_used_at on every request would make every call a write. */
const TOUCH_INTERVAL_MS = 60_000;

const CHALLENGE = { 'www-authenticate': 'Bearer error="invalid_token"' };

/** Only this digest is stored, so a leaked database holds no usable key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** Creates a key; the clear key is in the answer and nowhere else. */
export async function createApiKey(
  db: Db,
  userId: string,
  request: { name: string; expiresAt?: Date },
): Promise<{ row: ApiKeyRow; key: string }> {
  const key = API_KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url');
  const row: ApiKeyRow = {
    id: randomUUID(),
    user_id: userId,
    name: request.name,
    key_hash: hashApiKey(key),
    prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
    last4: key.slice(-4),
    expires_at: request.expiresAt?.toISOString() ?? null,
    last_used_at: null,
    revoked_at: null,
    created_at: new Date().toISOString(),
  };
  await insertApiKey(db, row);
  return { row, key };
}

/** The live key behind `key`, or 401 `invalid_token`. The caller checks the user. */
export async function verifyApiKey(db: Db, key: string): Promise<ApiKeyRow> {
  const row = await findApiKeyByHash(db, hashApiKey(key));
  const now = new Date();
  const why = !row
    ? 'Unknown API key'
    : row.revoked_at
      ? 'API key revoked'
      : row.expires_at && row.expires_at <= now.toISOString()
        ? 'API key expired'
        : undefined;
  if (!row || why) throw new AppError('invalid_token', why, { headers: CHALLENGE });

  const lastUsed = row.last_used_at ? Date.parse(row.last_used_at) : 0;
  if (now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) {
    await touchApiKey(db, row.id, now.toISOString());
  }
  return row;
}
