import type { Db } from '../db/database.js';
import type { RefreshTokenRow } from '../db/schema.js';

export async function insertRefreshToken(db: Db, row: RefreshTokenRow): Promise<void> {
  await db.insertInto('refresh_tokens').values(row).execute();
}

export async function findRefreshTokenByHash(
  db: Db,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  return db
    .selectFrom('refresh_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Marks a token used only if nobody did so first: of two concurrent
 * exchanges exactly one sees a row updated, on SQLite and PostgreSQL alike.
 */
export async function claimRefreshToken(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('refresh_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Revokes a family. After a replay its unused tokens are also marked used,
 * so that presenting any of them later still reads as the replay it is;
 * a plain sign-out leaves them unused, so they read as merely revoked.
 */
export async function revokeRefreshTokenFamily(
  db: Db,
  familyId: string,
  now: string,
  options: { replayed?: boolean } = {},
): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
  if (!options.replayed) return;
  await db
    .updateTable('refresh_tokens')
    .set({ used_at: now })
    .where('family_id', '=', familyId)
    .where('used_at', 'is', null)
    .execute();
}

export async function revokeUserRefreshTokens(db: Db, userId: string, now: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
