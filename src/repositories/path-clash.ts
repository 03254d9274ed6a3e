import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';

type FilesEb = ExpressionBuilder<Database, 'files'>;

/** `a/b/c` → `a`, `a/b`: the folders a path lives in. */
function foldersOf(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(1).map((_, i) => segments.slice(0, i + 1).join('/'));
}

/**
 * A workspace is a tree: a path cannot name a file and a folder at once
 * (`lib` and `lib/util.py`), or the files could not be written out, as
 * the git export does. 409 `path_conflict` naming the file in the way.
 */
export async function refusePathClash(
  trx: Db,
  workspace: (eb: FilesEb) => ReturnType<FilesEb>,
  path: string,
  exceptId?: string,
): Promise<void> {
  const folders = foldersOf(path);
  const below = `${path}/`;
  let query = trx
    .selectFrom('files')
    .select('path')
    .where(workspace)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(folders.length > 0 ? [eb('path', 'in', folders)] : []),
        eb(sql<string>`substr(path, 1, ${below.length})`, '=', below),
      ]),
    );
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);

  const clash = await query.limit(1).executeTakeFirst();
  if (!clash) return;
  const detail = folders.includes(clash.path)
    ? `"${clash.path}" is a file, so it cannot be a folder of "${path}"`
    : `"${path}" is a folder (it holds "${clash.path}"), so it cannot be a file`;
  throw new AppError('path_conflict', detail, { extra: { path, conflicting_path: clash.path } });
}
