import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { FileRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { AppError } from '../errors/app-error.js';
import { inScope } from './file-reads.js';
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
