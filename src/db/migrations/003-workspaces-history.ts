import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema of their own time
type AnyDb = Kysely<any>;

/** Every user gets a personal workspace that they own; v1 works on it. */
async function createWorkspaceTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('personal_owner_id', 'text', (c) =>
      c.unique().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workspace_members')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_members_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('workspace_members_user_idx')
    .on('workspace_members')
    .column('user_id')
    .execute();
}

async function addPersonalWorkspaces(db: AnyDb): Promise<void> {
  const users = await db.selectFrom('users').select(['id', 'username']).execute();
  const now = new Date().toISOString();
  for (const user of users) {
    const id = `w_${randomUUID().replaceAll('-', '')}`;
    await db
      .insertInto('workspaces')
      .values({
        id,
        name: user.username,
        personal_owner_id: user.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('workspace_members')
      .values({ workspace_id: id, user_id: user.id, role: 'owner', created_at: now })
      .execute();
  }
}

/**
 * Files move to workspaces. The table is rebuilt because SQLite cannot drop
 * the old (user, path) constraint in place; `user_id` stays as the creator.
 * Deleted files keep their row (soft delete), so paths are unique only
 * among live files: a partial index, which SQLite and PostgreSQL share.
 */
async function moveFilesToWorkspaces(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('files_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  const columns = ['id', 'user_id', 'path', 'language', 'content', 'size', 'version'] as const;
  const rest = ['content_hash', 'created_at', 'updated_at'] as const;
  await db
    .insertInto('files_next')
    .columns([...columns, ...rest, 'workspace_id'])
    .expression(
      db
        .selectFrom('files as f')
        .innerJoin('workspaces as w', 'w.personal_owner_id', 'f.user_id')
        .select([...columns.map((c) => `f.${c}` as const), ...rest.map((c) => `f.${c}` as const)])
        .select('w.id as workspace_id'),
    )
    .execute();
  await db.schema.dropTable('files').execute();
  await db.schema.alterTable('files_next').renameTo('files').execute();

  await db.schema
    .createIndex('files_workspace_path_live')
    .unique()
    .on('files')
    .columns(['workspace_id', 'path'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('files_workspace_language_idx')
    .on('files')
    .columns(['workspace_id', 'language'])
    .execute();
}

/**
 * One row per write; `n` equals the file's version after that write, and
 * `seq` orders writes across files (timestamps can tie).
 */
async function createFileVersions(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('file_versions')
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id').onDelete('cascade'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text')
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('operation', 'text')
    .addColumn('model', 'text')
    .addColumn('restored_from', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('file_versions_pk', ['file_id', 'n'])
    .execute();
  await db.schema.createIndex('file_versions_seq_idx').on('file_versions').column('seq').execute();

  // Files written before history existed start it with their current state.
  await db
    .insertInto('file_versions')
    .columns([
      'file_id',
      'n',
      'path',
      'language',
      'content',
      'size',
      'content_hash',
      'author_id',
      'reason',
      'created_at',
      'seq',
    ])
    .expression(
      db
        .selectFrom('files')
        .select(['id', 'version', 'path', 'language', 'content', 'size', 'content_hash'])
        .select(['user_id', sql.lit('manual').as('reason'), 'updated_at', sql.lit(0).as('seq')]),
    )
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await createWorkspaceTables(db);
  await addPersonalWorkspaces(db);
  await moveFilesToWorkspaces(db);
  await createFileVersions(db);
}

export async function down(): Promise<void> {
  throw new Error('migration 002 cannot be reverted: files belong to workspaces since');
}
