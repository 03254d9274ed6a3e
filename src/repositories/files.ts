import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { Database, FileRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { AppError } from '../errors/app-error.js';
import { insertVersion, type VersionReason, type WriteMeta } from './file-versions.js';
import { refusePathClash } from './path-clash.js';
import { personalWorkspaceId } from './workspaces.js';

export type { VersionReason, WriteMeta } from './file-versions.js';

/** A file without its content, as listings return it. */
export type FileMetaRow = Omit<FileRow, 'content'>;

/**
 * Where a file lives: a workspace, or when none is named the personal
 * workspace of `userId`, which is also the acting user (v1's scope).
 */
export interface FileScope {
  userId: string;
  workspaceId?: string;
}

export interface NewFile extends FileScope {
  path: string;
  language: string;
  content: string;
  size: number;
  contentHash: string;
}

/** Fields a write may change; content comes with its derived size and hash. */
export interface FileChanges {
  path?: string;
  language?: string;
  content?: { text: string; size: number; contentHash: string };
}

/** Which file to write, and the version it must still have, if any. */
export interface FileTarget extends FileScope {
  id: string;
  expectedVersion?: number;
}

export interface FileFilter extends FileScope {
  pathPrefix?: string;
  language?: string;
}

export interface FilePage {
  limit: number;
  offset?: number;
  /** Keyset cursor: only paths sorting after this one. */
  afterPath?: string;
}

/** A whole state of a file, as a version holds it; null content is deleted. */
export interface FileState {
  path: string;
  language: string;
  content: string | null;
  size: number;
  contentHash: string | null;
}

const META_COLUMNS = [
  'id',
  'workspace_id',
  'user_id',
  'path',
  'language',
  'size',
  'version',
  'content_hash',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** An opaque, unguessable id: 'f_' and 128 random bits in base32 (26 characters). */
export function newFileId(): string {
  const bytes = randomBytes(16);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let i = 0; i < 26; i++) id += BASE32[Number((bits >> BigInt(5 * i)) & 31n)];
  return `f_${id}`;
}

function fileExists(path: string, cause: unknown): AppError {
  return new AppError('file_exists', `A file already exists at "${path}"`, {
    extra: { path },
    cause,
  });
}

type FilesEb = ExpressionBuilder<Database, 'files'>;

/** Rows of the scope's workspace; other repositories filter files with it too. */
export function inScope(eb: FilesEb, scope: FileScope) {
  if (scope.workspaceId !== undefined) return eb('workspace_id', '=', scope.workspaceId);
  const personal = eb
    .selectFrom('workspaces')
    .select('id')
    .where('personal_owner_id', '=', scope.userId);
  return eb('workspace_id', '=', personal);
}

function metaOf(target: FileScope, meta: WriteMeta | undefined, reason: VersionReason) {
  return { reason, ...meta, authorId: meta?.authorId ?? target.userId };
}

/**
 * Inserts a file at version 1 and records that version; 409 `file_exists`
 * when a live file has the path.
 */
export async function createFile(db: Db, file: NewFile, meta?: WriteMeta): Promise<FileRow> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const row: FileRow = {
      id: newFileId(),
      workspace_id: file.workspaceId ?? (await personalWorkspaceId(trx, file.userId)),
      user_id: file.userId,
      path: file.path,
      language: file.language,
      content: file.content,
      size: file.size,
      version: 1,
      content_hash: file.contentHash,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await refusePathClash(trx, (eb) => eb('workspace_id', '=', row.workspace_id), row.path);
    try {
      await trx.insertInto('files').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw fileExists(file.path, err);
      throw err;
    }
    await insertVersion(trx, row, metaOf(file, meta, 'manual'));
    return row;
  });
}

/** The live file with this id in the scope; a file elsewhere is as absent as a missing one. */
export async function findFileInScope(
  db: Db,
  scope: FileScope,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<FileRow | undefined> {
  let query = db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, scope));
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  return query.executeTakeFirst();
}

/** What identifies a state of a file: enough for an ETag and a cached body. */
export type FileStamp = Pick<FileRow, 'id' | 'version' | 'updated_at'>;

/** Prepared: every read of a file by id starts here. */
function fileStampQuery(personal: boolean) {
  type Params = { id: string; userId: string; workspaceId?: string };
  return preparedQuery<Params, FileStamp>((db, slot) => {
    const userId = slot('userId');
    const scope = personal ? { userId } : { userId, workspaceId: slot('workspaceId') };
    return db
      .selectFrom('files')
      .select(['id', 'version', 'updated_at'])
      .where('id', '=', slot('id'))
      .where((eb) => inScope(eb, scope))
      .where('deleted_at', 'is', null);
  });
}

const fileStampInPersonal = fileStampQuery(true);
const fileStampInWorkspace = fileStampQuery(false);

/** A live file's stamp, without the rest of its row: for answers a cache can complete. */
export async function findFileStampInScope(
  db: Db,
  scope: FileScope,
  id: string,
): Promise<FileStamp | undefined> {
  const find = scope.workspaceId === undefined ? fileStampInPersonal : fileStampInWorkspace;
  const [row] = await find(db, { ...scope, id });
  return row;
}

/** The live file in the user's personal workspace. */
export async function findFileById(
  db: Db,
  userId: string,
  id: string,
): Promise<FileRow | undefined> {
  return findFileInScope(db, { userId }, id);
}

// substr/length count characters on both SQLite and PostgreSQL, and unlike
// LIKE they are case-sensitive on both and need no escaping of % and _.
function matchesFilter(filter: FileFilter) {
  return (eb: FilesEb) => {
    const conditions = [inScope(eb, filter), eb('deleted_at', 'is', null)];
    if (filter.language !== undefined) conditions.push(eb('language', '=', filter.language));
    if (filter.pathPrefix) {
      const length = [...filter.pathPrefix].length;
      const head = eb.fn<string>('substr', [eb.ref('path'), eb.lit(1), eb.val(length)]);
      conditions.push(eb(head, '=', filter.pathPrefix));
    }
    return eb.and(conditions);
  };
}

/**
 * One page of the scope's live files ordered by path, without content, and
 * whether more follow. Live paths are unique per workspace, so the order is stable.
 */
export async function listFiles(
  db: Db,
  filter: FileFilter,
  page: FilePage,
): Promise<{ rows: FileMetaRow[]; hasMore: boolean }> {
  let query = db
    .selectFrom('files')
    .select(META_COLUMNS)
    .where(matchesFilter(filter))
    .orderBy('path')
    .limit(page.limit + 1);
  if (page.afterPath !== undefined) query = query.where('path', '>', page.afterPath);
  if (page.offset) query = query.offset(page.offset);

  const rows = await query.execute();
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

export async function countFiles(db: Db, filter: FileFilter): Promise<number> {
  const row = await db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(matchesFilter(filter))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deleted files of the scope, most recently deleted first. */
export async function listDeletedFiles(
  db: Db,
  scope: FileScope,
  page: { limit: number; offset: number },
): Promise<FileMetaRow[]> {
  return db
    .selectFrom('files')
    .select(META_COLUMNS)
    .where((eb) => inScope(eb, scope))
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

function updateTarget(db: Db, target: FileTarget) {
  let query = db
    .updateTable('files')
    .where('id', '=', target.id)
    .where((eb) => inScope(eb, target));
  if (target.expectedVersion !== undefined) {
    query = query.where('version', '=', target.expectedVersion);
  }
  return query;
}

/**
 * Applies changes to a live file, bumps the version and records it, in one
 * transaction. With an expected version the row must still have it, so of
 * two writers holding the same version exactly one succeeds. Undefined when
 * no row qualified; 409 `file_exists` when a rename hits a taken path.
 */
export async function updateFile(
  db: Db,
  target: FileTarget,
  changes: FileChanges,
  meta?: WriteMeta,
): Promise<FileRow | undefined> {
  return inTransaction(db, async (trx) => {
    if (changes.path !== undefined) {
      await refusePathClash(trx, (eb) => inScope(eb, target), changes.path, target.id);
    }
    const query = updateTarget(trx, target)
      .where('deleted_at', 'is', null)
      .set((eb) => ({
        ...(changes.path !== undefined && { path: changes.path }),
        ...(changes.language !== undefined && { language: changes.language }),
        ...(changes.content && {
          content: changes.content.text,
          size: changes.content.size,
          content_hash: changes.content.contentHash,
        }),
        version: eb('version', '+', 1),
        updated_at: new Date().toISOString(),
      }));

    const row = await returningOrConflict(query, changes.path ?? '');
    if (row) await insertVersion(trx, row, metaOf(target, meta, 'manual'));
    return row;
  });
}

/**
 * Deletes a live file, at the expected version when one is given. The row
 * stays, marked deleted, and the deletion is a version, so it can be undone.
 */
export async function deleteFile(db: Db, target: FileTarget, meta?: WriteMeta): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const row = await updateTarget(trx, target)
      .where('deleted_at', 'is', null)
      .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .returningAll()
      .executeTakeFirst();
    if (row) await insertVersion(trx, row, metaOf(target, meta, 'delete'));
    return row !== undefined;
  });
}

/**
 * Puts a file, live or deleted, into a whole state taken from its history
 * (restore, undo), as a new version. Undefined when no row qualified.
 */
export async function writeFileState(
  db: Db,
  target: FileTarget,
  state: FileState,
  meta: WriteMeta,
): Promise<FileRow | undefined> {
  return inTransaction(db, async (trx) => {
    if (state.content !== null) {
      await refusePathClash(trx, (eb) => inScope(eb, target), state.path, target.id);
    }
    const now = new Date().toISOString();
    const query = updateTarget(trx, target).set((eb) => ({
      path: state.path,
      language: state.language,
      ...(state.content !== null && {
        content: state.content,
        size: state.size,
        content_hash: state.contentHash ?? '',
      }),
      deleted_at: state.content === null ? now : null,
      version: eb('version', '+', 1),
      updated_at: now,
    }));

    const row = await returningOrConflict(query, state.path);
    if (row) await insertVersion(trx, row, metaOf(target, meta, meta.reason ?? 'restore'));
    return row;
  });
}

async function returningOrConflict(
  query: ReturnType<typeof updateTarget>,
  path: string,
): Promise<FileRow | undefined> {
  try {
    return await query.returningAll().executeTakeFirst();
  } catch (err) {
    if (isUniqueViolation(err)) throw fileExists(path, err);
    throw err;
  }
}
