import { randomBytes } from 'node:crypto';
import { hashPassword } from './auth/passwords.js';
import type { Db } from './db/database.js';
import { countUsers, createUser } from './repositories/users.js';

export const BOOTSTRAP_ADMIN = 'admin';

/**
 * On the very first start there is nobody to log in as: create `admin` with
 * a random password and return it, so it can be shown once on the console.
 * Returns undefined when any user exists.
 */
export async function bootstrapAdmin(db: Db): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;

  const password = randomBytes(18).toString('base64url');
  await createUser(db, {
    username: BOOTSTRAP_ADMIN,
    passwordHash: await hashPassword(password),
    isAdmin: true,
  });
  return password;
}
