import {
  type Kysely,
  PostgresAdapter,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
} from 'kysely';
import pg from 'pg';
import { rethrowUnavailable } from './database-unavailable.js';

export interface PostgresOptions {
  poolSize: number;
  connectTimeoutMs: number;
  /** PostgreSQL cancels a statement running longer; 0 lets it run. */
  statementTimeoutMs: number;
  /** Told about connections that fail while idle in the pool. */
  onIdleError: (error: Error) => void;
}

/** Whether `db` talks to PostgreSQL (rather than SQLite). */
// biome-ignore lint/suspicious/noExplicitAny: any schema, migrations' included
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function guardClient(client: pg.PoolClient): PostgresPoolClient {
  const query = (...args: unknown[]) => {
    const result = (client.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) return result.catch(rethrowUnavailable);
    return result;
  };
  return {
    query: query as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  };
}

/**
 * A pg pool whose connection failures surface as `database_unavailable`.
 * The pool drops broken clients and connects anew on the next checkout, so
 * the server recovers by itself when PostgreSQL returns.
 */
function guardedPool(url: string, options: PostgresOptions): PostgresPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    keepAlive: true,
  });
  // Without a listener an idle client's error (the server restarting)
  // would be an uncaught exception and end the process.
  pool.on('error', options.onIdleError);

  const guarded = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect().catch(rethrowUnavailable);
      let wrapper = guarded.get(client);
      if (!wrapper) {
        wrapper = guardClient(client);
        guarded.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

export function postgresDialect(url: string, options: PostgresOptions): PostgresDialect {
  return new PostgresDialect({ pool: guardedPool(url, options) });
}
