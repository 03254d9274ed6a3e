import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { inject } from 'vitest';
import { REDIS_DATABASES } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database of the run's PostgreSQL server, when there is one. */
    postgresUrl?: string;
    /** The run's Redis server, when the suite runs on shared services. */
    redisUrl?: string;
  }
}

/** `postgres` when the suite runs on PostgreSQL (see vitest.config.ts), else `sqlite`. */
export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = inject('postgresUrl');
  if (!url) throw new Error('TEST_DATABASE=postgres, but no PostgreSQL server was started');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the run's PostgreSQL server, as a postgres:// URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `atelier_${randomUUID().replaceAll('-', '')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(inject('postgresUrl') as string);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * Settings that put an app on the suite's database: a fresh PostgreSQL
 * database on PostgreSQL runs, nothing (SQLite in the data folder) otherwise.
 */
export async function testDatabaseEnv(): Promise<Record<string, string>> {
  if (TEST_DATABASE === 'sqlite') return {};
  return { ATELIER_DATABASE_URL: await createTestDatabase() };
}

/**
 * The Redis of the run, on the PostgreSQL project: the suites there run on
 * PostgreSQL plus Redis, as a scaled-out deployment does. Login limits key
 * on the address and the username, which test apps share, so each app gets
 * a logical database of its own, numbered by a counter on the server.
 */
export async function testRedisEnv(): Promise<Record<string, string>> {
  const url = inject('redisUrl');
  if (TEST_DATABASE !== 'postgres' || !url) return {};
  const counter = new Redis(url);
  try {
    const n = await counter.incr('atelier-test:databases');
    return { ATELIER_REDIS_URL: `${url}/${n % REDIS_DATABASES}` };
  } finally {
    counter.disconnect();
  }
}
