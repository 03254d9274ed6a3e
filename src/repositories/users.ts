import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { UserRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { createPersonalWorkspace, handOverWorkspaces } from './workspaces.js';

export interface NewUser {
  username: string;
  passwordHash: string;
  isAdmin: boolean;
}

/** Inserts the user together with their personal workspace. */
export async function createUser(db: Db, user: NewUser): Promise<UserRow> {
  const now = new Date().toISOString();
  const row: UserRow = {
    id: randomUUID(),
    username: user.username,
    password_hash: user.passwordHash,
    is_admin: user.isAdmin ? 1 : 0,
    disabled: 0,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await createPersonalWorkspace(trx, row.id, row.username);
  });
  return row;
}

/** Prepared: every authenticated request reads its user. */
const userById = preparedQuery<{ id: string }, UserRow>((db, slot) =>
  db.selectFrom('users').selectAll().where('id', '=', slot('id')),
);

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await userById(db, { id });
  return row;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsers(db: Db, limit: number, offset: number): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .orderBy('username')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function updateUser(
  db: Db,
  id: string,
  changes: { passwordHash?: string; disabled?: boolean; isAdmin?: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.disabled !== undefined && { disabled: changes.disabled ? 1 : 0 }),
      ...(changes.isAdmin !== undefined && { is_admin: changes.isAdmin ? 1 : 0 }),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a user, handing their shared workspaces over first (handOverWorkspaces). */
export async function deleteUser(db: Db, id: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await handOverWorkspaces(trx, id);
    const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}
