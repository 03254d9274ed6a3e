import type { Db } from '../db/database.js';
import { inScope } from './file-reads.js';
import type { FileScope } from './files.js';

/** What code intelligence needs to know about a file to decide whether to parse it. */
export interface FileSourceMeta {
  id: string;
  path: string;
  language: string;
  version: number;
}

const CHUNK = 500;

/** The scope's live files without content, in path order, at most `limit` of them. */
export async function listFileSources(
  db: Db,
  scope: FileScope,
  limit: number,
): Promise<FileSourceMeta[]> {
  return db
    .selectFrom('files')
    .select(['id', 'path', 'language', 'version'])
    .where((eb) => inScope(eb, scope))
    .where('deleted_at', 'is', null)
    .orderBy('path')
    .limit(limit)
    .execute();
}

/** Contents of the scope's live files with these ids, keyed by id. */
export async function findFileContents(
  db: Db,
  scope: FileScope,
  ids: string[],
): Promise<Map<string, { content: string; version: number }>> {
  const contents = new Map<string, { content: string; version: number }>();
  for (let at = 0; at < ids.length; at += CHUNK) {
    const rows = await db
      .selectFrom('files')
      .select(['id', 'content', 'version'])
      .where((eb) => inScope(eb, scope))
      .where('deleted_at', 'is', null)
      .where('id', 'in', ids.slice(at, at + CHUNK))
      .execute();
    for (const row of rows) contents.set(row.id, { content: row.content, version: row.version });
  }
  return contents;
}
