import type { Kysely } from 'kysely';

/**
 * Jobs submitted through v2 analyse a shared workspace's files: the job
 * remembers which, and goes with the workspace when it is deleted. Jobs
 * of the personal workspace (v1) keep a null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('jobs')
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('workspace_id').execute();
}
