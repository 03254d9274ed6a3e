import type { TestProject } from 'vitest/node';
import { REDIS_DATABASES, startPostgres, startRedis } from './helpers/services.js';

/**
 * One PostgreSQL server and one Redis for the PostgreSQL project; every
 * test app gets its own database and shares the Redis. A missing service
 * fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Every test app takes a logical database of its own (test-database.ts).
  const [server, redis] = await Promise.all([
    startPostgres(),
    startRedis({ databases: REDIS_DATABASES }),
  ]);
  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${server.port}/postgres`);
  project.provide('redisUrl', redis.url);
  return async () => {
    await Promise.all([server.close(), redis.close()]);
  };
}
