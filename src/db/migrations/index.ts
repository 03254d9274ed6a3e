import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.js';
import * as usageAndApiKeys from './002-usage-and-api-keys.js';
import * as workspacesHistory from './003-workspaces-history.js';
import * as postgresOrderAndSeq from './004-postgres-order-and-seq.js';
import * as jobs from './005-jobs.js';
import * as jobWorkspaces from './006-job-workspaces.js';

/**
 * Migrations are listed here rather than read from a folder, so the same
 * list runs from the compiled build and from TypeScript sources.
 */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-usage-and-api-keys': usageAndApiKeys,
  '003-workspaces-history': workspacesHistory,
  '004-postgres-order-and-seq': postgresOrderAndSeq,
  '005-jobs': jobs,
  '006-job-workspaces': jobWorkspaces,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
