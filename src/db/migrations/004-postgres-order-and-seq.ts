import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../postgres.js';

/** Columns that listings sort by, as [table, column]. */
const SORTED_COLUMNS = [
  ['files', 'path'],
  ['file_versions', 'path'],
  ['users', 'username'],
  ['workspaces', 'name'],
] as const;

/**
 * PostgreSQL only; SQLite already behaves this way.
 *
 * Text on PostgreSQL sorts by the database's collation, which for a locale
 * like en_US ignores case and punctuation at first; path listings, keyset
 * cursors and prefix filters assume byte order, as SQLite has it. The "C"
 * collation gives exactly that.
 *
 * `file_versions.seq` was one more than the largest, which two concurrent
 * PostgreSQL writers can both compute; a sequence hands out each number once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of SORTED_COLUMNS) {
    const target = sql`${sql.table(table)} alter column ${sql.ref(column)}`;
    await sql`alter table ${target} type text collate "C"`.execute(db);
  }
  await sql`create sequence file_versions_seq owned by file_versions.seq`.execute(db);
  const next = sql`coalesce(max(seq), 0) + 1`;
  await sql`select setval('file_versions_seq', ${next}, false) from file_versions`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop sequence file_versions_seq`.execute(db);
}
