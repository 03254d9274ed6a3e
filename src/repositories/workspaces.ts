import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/postgres.js';
import type { WorkspaceRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { AppError } from '../errors/app-error.js';

export const WORKSPACE_ROLES = ['owner', 'editor', 'viewer'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

export interface Membership extends WorkspaceRow {
  role: WorkspaceRole;
}

export interface MemberRow {
  user_id: string;
  username: string;
  role: WorkspaceRole;
  created_at: string;
}

export function newWorkspaceId(): string {
  return `w_${randomUUID().replaceAll('-', '')}`;
}

async function insertWorkspace(
  db: Db,
  fields: { name: string; ownerId: string; personal: boolean },
): Promise<WorkspaceRow> {
  const now = new Date().toISOString();
  const row: WorkspaceRow = {
    id: newWorkspaceId(),
    name: fields.name,
    personal_owner_id: fields.personal ? fields.ownerId : null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('workspaces').values(row).execute();
    await trx
      .insertInto('workspace_members')
      .values({ workspace_id: row.id, user_id: fields.ownerId, role: 'owner', created_at: now })
      .execute();
  });
  return row;
}

/** A shared workspace whose creator is its first owner. */
export function createWorkspace(db: Db, name: string, ownerId: string): Promise<WorkspaceRow> {
  return insertWorkspace(db, { name, ownerId, personal: false });
}

/** The user's personal workspace, where v1 keeps their files. */
export function createPersonalWorkspace(db: Db, userId: string, name: string) {
  return insertWorkspace(db, { name, ownerId: userId, personal: true });
}

async function findPersonalWorkspaceId(db: Db, userId: string): Promise<string | undefined> {
  const found = await db
    .selectFrom('workspaces')
    .select('id')
    .where('personal_owner_id', '=', userId)
    .executeTakeFirst();
  return found?.id;
}

/**
 * The id of the user's personal workspace, created on first need for users
 * that somehow lack one; a concurrent creation wins and is reused. The
 * insert skips a conflict instead of failing on it, because a failed
 * statement would abort the caller's PostgreSQL transaction.
 */
export async function personalWorkspaceId(db: Db, userId: string): Promise<string> {
  const found = await findPersonalWorkspaceId(db, userId);
  if (found) return found;
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const row = { id: newWorkspaceId(), name: 'personal', created_at: now, updated_at: now };
    const inserted = await trx
      .insertInto('workspaces')
      .values({ ...row, personal_owner_id: userId })
      .onConflict((oc) => oc.column('personal_owner_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return (await findPersonalWorkspaceId(trx, userId)) as string;
    await trx
      .insertInto('workspace_members')
      .values({ workspace_id: row.id, user_id: userId, role: 'owner', created_at: now })
      .execute();
    return row.id;
  });
}

function membershipQuery(db: Db) {
  return db
    .selectFrom('workspace_members as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .selectAll('w')
    .select('m.role');
}

/** The workspace with the user's role in it; absent when the user is no member. */
export async function findMembership(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<Membership | undefined> {
  const row = await membershipQuery(db)
    .where('m.workspace_id', '=', workspaceId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row as Membership | undefined;
}

/** Every workspace the user belongs to, personal first, then by name. */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await membershipQuery(db)
    .where('m.user_id', '=', userId)
    // Not by the column itself: SQLite sorts nulls first, PostgreSQL last.
    .orderBy(sql`w.personal_owner_id is null`)
    .orderBy('w.name')
    .orderBy('w.id')
    .execute();
  return rows as Membership[];
}

export async function renameWorkspace(db: Db, id: string, name: string) {
  return db
    .updateTable('workspaces')
    .set({ name, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteWorkspace(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('workspaces').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

function membersQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('workspace_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.username', 'm.role', 'm.created_at'])
    .where('m.workspace_id', '=', workspaceId);
}

export async function listMembers(db: Db, workspaceId: string): Promise<MemberRow[]> {
  const rows = await membersQuery(db, workspaceId).orderBy('u.username').execute();
  return rows as MemberRow[];
}

export async function findMember(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  const row = await membersQuery(db, workspaceId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row as MemberRow | undefined;
}

/** Adds a member; 409 `member_exists` when the user already is one. */
export async function addMember(
  db: Db,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole,
): Promise<void> {
  const created_at = new Date().toISOString();
  try {
    await db
      .insertInto('workspace_members')
      .values({ workspace_id: workspaceId, user_id: userId, role, created_at })
      .execute();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new AppError('member_exists', 'The user already is a member', { cause: err });
  }
}

async function countOwners(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('workspace_members')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function writeMember(
  db: Db,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole | null,
): Promise<boolean> {
  if (role === null) {
    const result = await db
      .deleteFrom('workspace_members')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
  const result = await db
    .updateTable('workspace_members')
    .set({ role })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Serialises membership changes of one workspace. On PostgreSQL two
 * transactions could otherwise each demote a different owner, each still
 * counting the other, and leave none; SQLite runs one writer at a time.
 */
async function lockWorkspace(trx: Db, workspaceId: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await trx
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspaceId)
    .forUpdate()
    .execute();
}

/**
 * Changes a role, or removes the member when `role` is null, refusing with
 * 409 `last_owner` to leave the workspace without an owner. The check and
 * the write share a transaction, which the refusal rolls back.
 */
export async function changeMember(
  db: Db,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole | null,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await lockWorkspace(trx, workspaceId);
    const before = await findMember(trx, workspaceId, userId);
    if (!(await writeMember(trx, workspaceId, userId, role))) return false;
    // Only an owner's change can leave the workspace without one.
    if (before?.role === 'owner' && (await countOwners(trx, workspaceId)) === 0) {
      throw new AppError('last_owner', 'A workspace needs at least one owner');
    }
    return true;
  });
}

const SUCCESSION: Record<WorkspaceRole, number> = { owner: 0, editor: 1, viewer: 2 };

/**
 * Before a user is deleted: every shared workspace they alone own passes to
 * the longest-standing editor (else viewer), so its members are not left
 * in a workspace nobody can manage; one with no other member is deleted.
 */
export async function handOverWorkspaces(trx: Db, userId: string): Promise<void> {
  const owned = await trx
    .selectFrom('workspace_members as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select('w.id')
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'owner')
    .where('w.personal_owner_id', 'is', null)
    .execute();

  for (const { id } of owned) {
    await lockWorkspace(trx, id);
    const others = (await listMembers(trx, id)).filter((m) => m.user_id !== userId);
    if (others.some((m) => m.role === 'owner')) continue;

    const heir = others.sort(
      (a, b) => SUCCESSION[a.role] - SUCCESSION[b.role] || a.created_at.localeCompare(b.created_at),
    )[0];
    if (heir) await writeMember(trx, id, heir.user_id, 'owner');
    else await trx.deleteFrom('workspaces').where('id', '=', id).execute();
  }
}
