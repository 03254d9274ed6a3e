import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, FileRow } from '../db/schema.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { AppError } from '../errors/app-error.js';

/** A file without its content, as listings return it. */
export type FileMetaRow = Omit<FileRow, 'content'>;

export interface NewFile {
  userId: string;
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
export interface FileTarget {
  userId: string;
  id: string;
  expectedVersion?: number;
}

export interface FileFilter {
  userId: string;
  pathPrefix?: string;
  language?: string;
}

export interface FilePage {
  limit: number;
  offset?: number;
  /** Keyset cursor: only paths sorting after this one. */
  afterPath?: string;
}

const META_COLUMNS = [
  'id',
  'user_id',
  'path',
  'language',
  'size',
  'version',
  'content_hash',
  'created_at',
  'updated_at',
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

/** Inserts a file at version 1; 409 `file_exists` when the path is taken. */
export async function createFile(db: Db, file: NewFile): Promise<FileRow> {
  const now = new Date().toISOString();
  const row: FileRow = {
    id: newFileId(),
    user_id: file.userId,
    path: file.path,
    language: file.language,
    content: file.content,
    size: file.size,
    version: 1,
    content_hash: file.contentHash,
    created_at: now,
    updated_at: now,
  };
  try {
    await db.insertInto('files').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw fileExists(file.path, err);
    throw err;
  }
  return row;
}

/** The user's file with this id; another user's file is as absent as a missing one. */
export async function findFileById(
  db: Db,
  userId: string,
  id: string,
): Promise<FileRow | undefined> {
  return db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

// substr/length count characters on both SQLite and PostgreSQL, and unlike
// LIKE they are case-sensitive on both and need no escaping of % and _.
function matchesFilter(filter: FileFilter) {
  return (eb: ExpressionBuilder<Database, 'files'>) => {
    const conditions = [eb('user_id', '=', filter.userId)];
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
 * One page of the user's files ordered by path, without content, and
 * whether more follow. Paths are unique per user, so the order is stable.
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

/**
 * Applies changes and bumps the version in one UPDATE. With an expected
 * version the row must still have it, so of two writers holding the same
 * version exactly one succeeds. Undefined when no row qualified; 409
 * `file_exists` when a rename hits a taken path.
 */
export async function updateFile(
  db: Db,
  target: FileTarget,
  changes: FileChanges,
): Promise<FileRow | undefined> {
  let query = db
    .updateTable('files')
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
    }))
    .where('id', '=', target.id)
    .where('user_id', '=', target.userId);
  if (target.expectedVersion !== undefined) {
    query = query.where('version', '=', target.expectedVersion);
  }

  try {
    return await query.returningAll().executeTakeFirst();
  } catch (err) {
    if (isUniqueViolation(err)) throw fileExists(changes.path ?? '', err);
    throw err;
  }
}

/** Deletes the user's file, at the expected version when one is given. */
export async function deleteFile(db: Db, target: FileTarget): Promise<boolean> {
  let query = db
    .deleteFrom('files')
    .where('id', '=', target.id)
    .where('user_id', '=', target.userId);
  if (target.expectedVersion !== undefined) {
    query = query.where('version', '=', target.expectedVersion);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
