import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/postgres.js';
import type { FileRow, FileVersionRow } from '../db/schema.js';

export const VERSION_REASONS = ['manual', 'ai-edit', 'restore', 'undo', 'delete'] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];

/** Who wrote and why; every field has a default, so writers may omit it. */
export interface WriteMeta {
  /** The writing user; defaults to the target's `userId`. */
  authorId?: string;
  reason?: VersionReason;
  /** For `ai-edit`: the AI operation (`refactor`, ...) and the model. */
  operation?: string;
  model?: string;
  /** For `restore` and `undo`: the version whose state was copied. */
  restoredFrom?: number;
}

/** A version with its author's name, as history listings show it. */
export interface VersionEntry extends FileVersionRow {
  author_username: string | null;
}

export type VersionMetaEntry = Omit<VersionEntry, 'content'>;

/**
 * SQLite has one writer at a time, so inside the writer's transaction one
 * more than the largest is unique; concurrent PostgreSQL writers take
 * numbers from a sequence instead.
 */
function nextSeq(db: Db) {
  if (isPostgres(db)) return sql<number>`nextval('file_versions_seq')`;
  return sql<number>`(select coalesce(max(seq), 0) + 1 from file_versions)`;
}

/** Records the file's state after a write, in the writer's transaction. */
export async function insertVersion(
  db: Db,
  file: FileRow,
  meta: WriteMeta & { authorId: string; reason: VersionReason },
): Promise<void> {
  const deleted = file.deleted_at !== null;
  await db
    .insertInto('file_versions')
    .values({
      file_id: file.id,
      n: file.version,
      path: file.path,
      language: file.language,
      content: deleted ? null : file.content,
      size: deleted ? 0 : file.size,
      content_hash: deleted ? null : file.content_hash,
      author_id: meta.authorId,
      reason: meta.reason,
      operation: meta.operation ?? null,
      model: meta.model ?? null,
      restored_from: meta.restoredFrom ?? null,
      created_at: file.updated_at,
      seq: nextSeq(db),
    })
    .execute();
}

function versionsWithAuthor(db: Db) {
  return db
    .selectFrom('file_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .select('u.username as author_username');
}

const META_COLUMNS = [
  'v.file_id',
  'v.n',
  'v.path',
  'v.language',
  'v.size',
  'v.content_hash',
  'v.author_id',
  'v.reason',
  'v.operation',
  'v.model',
  'v.restored_from',
  'v.created_at',
  'v.seq',
] as const;

/** One page of a file's versions, newest first, without content. */
export async function listVersions(
  db: Db,
  fileId: string,
  page: { limit: number; offset: number },
): Promise<VersionMetaEntry[]> {
  return versionsWithAuthor(db)
    .select(META_COLUMNS)
    .where('v.file_id', '=', fileId)
    .orderBy('v.n', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countVersions(db: Db, fileId: string): Promise<number> {
  const row = await db
    .selectFrom('file_versions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('file_id', '=', fileId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findVersion(
  db: Db,
  fileId: string,
  n: number,
): Promise<VersionEntry | undefined> {
  return versionsWithAuthor(db)
    .selectAll('v')
    .where('v.file_id', '=', fileId)
    .where('v.n', '=', n)
    .executeTakeFirst();
}

/** The newest version that has content: what restoring a deleted file brings back. */
export async function findLastContentVersion(
  db: Db,
  fileId: string,
): Promise<VersionEntry | undefined> {
  return versionsWithAuthor(db)
    .selectAll('v')
    .where('v.file_id', '=', fileId)
    .where('v.content', 'is not', null)
    .orderBy('v.n', 'desc')
    .executeTakeFirst();
}

/**
 * Every version of every file in the workspace in the order they were
 * written. Versions from before history was kept share seq 0 and sort by
 * time.
 */
export async function listWorkspaceHistory(db: Db, workspaceId: string): Promise<VersionEntry[]> {
  return versionsWithAuthor(db)
    .innerJoin('files as f', 'f.id', 'v.file_id')
    .selectAll('v')
    .where('f.workspace_id', '=', workspaceId)
    .orderBy('v.seq')
    .orderBy('v.created_at')
    .orderBy('v.file_id')
    .orderBy('v.n')
    .execute();
}
