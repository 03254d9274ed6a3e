import type { TestProject } from 'vitest/node';
import { startPostgres, startRedis } from './helpers/services.js';

/**
 * One PostgreSQL server and one Redis for the PostgreSQL project; every
 * test app gets its own database and shares the Redis. A missing service
 * fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [server, redis] = await Promise.all([startPostgres(), startRedis()]);
  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${server.port}/postgres`);
  project.provide('redisUrl', redis.url);
  return async () => {
    await Promise.all([server.close(), redis.close()]);
  };
}
