import { randomBytes } from 'node:crypto';
import { hashPassword } from './auth/passwords.js';
import type { Db } from './db/database.js';
import { isUniqueViolation } from './db/unique-violation.js';
import { countUsers, createUser } from './repositories/users.js';

export const BOOTSTRAP_ADMIN = 'admin';

/**
 * On the very first start there is nobody to log in as: create `admin` with
 * a random password and return it, so it can be shown once on the console.
 * Returns undefined when any user exists, or another process made `admin`
 * meanwhile.
 */
export async function bootstrapAdmin(db: Db): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;

  const password = randomBytes(18).toString('base64url');
  try {
    await createUser(db, {
      username: BOOTSTRAP_ADMIN,
      passwordHash: await hashPassword(password),
      isAdmin: true,
    });
  } catch (err) {
    // Another process starting on the same empty database created it first.
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
  return password;
}
