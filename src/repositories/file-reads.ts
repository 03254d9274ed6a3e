import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { Database, FileRow } from '../db/schema.js';
import type { FileFilter, FileMetaRow, FilePage, FileScope } from './files.js';

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

export type FilesEb = ExpressionBuilder<Database, 'files'>;

/** Rows of the scope's workspace; other repositories filter files with it too. */
export function inScope(eb: FilesEb, scope: FileScope) {
  if (scope.workspaceId !== undefined) return eb('workspace_id', '=', scope.workspaceId);
  const personal = eb
    .selectFrom('workspaces')
    .select('id')
    .where('personal_owner_id', '=', scope.userId);
  return eb('workspace_id', '=', personal);
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
