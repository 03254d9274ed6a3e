import type { Db } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { findUserByUsername, updateUser } from '../repositories/users.js';
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from './passwords.js';

export type CredentialCheck =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'unknown_user' | 'wrong_password' | 'disabled' };

/**
 * Checks a username and password. Every failure costs one argon2 verify,
 * so timing does not tell unknown users from wrong passwords; the reason
 * is for the log only. A hash with outdated parameters is upgraded here,
 * the one moment the plain password is at hand.
 */
export async function checkCredentials(
  db: Db,
  username: string,
  password: string,
): Promise<CredentialCheck> {
  const user = await findUserByUsername(db, username);
  if (!user) {
    await verifyDummyPassword(password);
    return { ok: false, reason: 'unknown_user' };
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    return { ok: false, reason: 'wrong_password' };
  }
  if (user.disabled) return { ok: false, reason: 'disabled' };

  if (needsRehash(user.password_hash)) {
    await updateUser(db, user.id, { passwordHash: await hashPassword(password) });
  }
  return { ok: true, user };
}
