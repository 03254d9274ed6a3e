import type { Db } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { revokeUserRefreshTokens } from '../repositories/refresh-tokens.js';
import { createUser, findUserByUsername, updateUser } from '../repositories/users.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js';

export const MAX_USERNAME_LENGTH = 64;

/** Safe in URLs, logs and shells without quoting. */
export const USERNAME_PATTERN = `^[A-Za-z0-9._-]{1,${MAX_USERNAME_LENGTH}}$`;

export interface NewAccount {
  username: string;
  password: string;
  isAdmin: boolean;
}

/** For callers without schema validation (the CLI); routes validate by schema. */
export function assertValidUsername(username: string): void {
  if (new RegExp(USERNAME_PATTERN).test(username)) return;
  throw new AppError(
    'validation_failed',
    `username must be 1 to ${MAX_USERNAME_LENGTH} characters of A-Z a-z 0-9 . _ -`,
  );
}

export function assertValidPassword(password: string): void {
  if (password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH) return;
  throw new AppError(
    'validation_failed',
    `password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
  );
}

export async function createAccount(db: Db, account: NewAccount): Promise<UserRow> {
  const taken = () => new AppError('user_exists', `User "${account.username}" already exists`);
  if (await findUserByUsername(db, account.username)) throw taken();

  const passwordHash = await hashPassword(account.password);
  try {
    return await createUser(db, { ...account, passwordHash });
  } catch (err) {
    // Another request created the same name since the check above.
    if (await findUserByUsername(db, account.username)) throw taken();
    throw err;
  }
}

/** A new password ends every session, in case the old one was stolen. */
export async function changePassword(db: Db, userId: string, password: string): Promise<void> {
  await updateUser(db, userId, { passwordHash: await hashPassword(password) });
  await revokeUserRefreshTokens(db, userId, new Date().toISOString());
}

/** Disabling ends sessions; access tokens stop working as users are re-read. */
export async function setAccountDisabled(db: Db, userId: string, disabled: boolean) {
  await updateUser(db, userId, { disabled });
  if (disabled) await revokeUserRefreshTokens(db, userId, new Date().toISOString());
}

export interface AccountChanges {
  password?: string;
  disabled?: boolean;
  isAdmin?: boolean;
}

/** Applies an administrator's changes together or not at all. */
export async function updateAccount(db: Db, userId: string, changes: AccountChanges) {
  await db.transaction().execute(async (trx) => {
    if (changes.password !== undefined) await changePassword(trx, userId, changes.password);
    if (changes.disabled !== undefined) await setAccountDisabled(trx, userId, changes.disabled);
    if (changes.isAdmin !== undefined) await updateUser(trx, userId, { isAdmin: changes.isAdmin });
  });
}
