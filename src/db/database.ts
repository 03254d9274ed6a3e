import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { ConfigError } from '../config/config-error.js';
import type { Config } from '../config/schema.js';
import { isAppError } from '../errors/app-error.js';
import { migrationProvider } from './migrations/index.js';
import { type PostgresOptions, postgresDialect } from './postgres.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export type Db = Kysely<Database>;

export type DatabaseOptions = Partial<PostgresOptions>;

const POSTGRES_DEFAULTS: PostgresOptions = {
  poolSize: 10,
  connectTimeoutMs: 5000,
  statementTimeoutMs: 30_000,
  onIdleError: () => {},
};

/** PostgreSQL pool settings from the configuration; SQLite ignores them. */
export function databaseOptionsOf(
  config: Config,
  onIdleError?: (error: Error) => void,
): DatabaseOptions {
  return {
    poolSize: config.databasePoolSize,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    onIdleError,
  };
}

function sqlitePathOf(url: string): string {
  const file = url.slice('sqlite://'.length);
  if (!file) throw new ConfigError('ATELIER_DATABASE_URL: sqlite:// needs a file path');
  return file === ':memory:' ? file : path.resolve(file);
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);

  // WAL lets readers proceed while a write commits; NORMAL sync is durable
  // across process crashes in WAL mode, which is what acknowledged writes need.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const database = withStatementCache(sqlite);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/**
 * Opens the database named by ATELIER_DATABASE_URL. PostgreSQL connects
 * lazily, so opening succeeds while the server is down; the first query
 * then fails with `database_unavailable`.
 */
export function openDatabase(url: string, options: DatabaseOptions = {}): Db {
  if (url.startsWith('sqlite://')) return openSqlite(sqlitePathOf(url));
  if (isPostgresUrl(url)) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    const dialect = postgresDialect(url, { ...POSTGRES_DEFAULTS, ...defined });
    return new Kysely<Database>({ dialect });
  }
  throw new ConfigError(
    `ATELIER_DATABASE_URL: unsupported database "${url.split(':')[0]}"; ` +
      'use sqlite://PATH or postgres://USER@HOST:PORT/NAME',
  );
}

/** Brings the schema to the newest version; fails loudly on any error. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  // An unreachable database says so plainly rather than as a failed migration.
  if (isAppError(error)) throw error;
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`database migration failed${name}: ${String(error)}`, { cause: error });
  }
}
