import type { TestProject } from 'vitest/node';
import { startPostgres } from './helpers/services.js';

/**
 * One PostgreSQL server for the PostgreSQL project; every test app gets its
 * own database on it. A missing PostgreSQL fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${server.port}/postgres`);
  return () => server.close();
}
