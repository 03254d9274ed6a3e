import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PostgresServer,
  type RedisServer,
  startPostgres,
  startRedis,
} from '../helpers/services.js';

const run = promisify(execFile);

describe('test services', () => {
  let redis: RedisServer;
  let pg: PostgresServer;

  beforeAll(async () => {
    [redis, pg] = await Promise.all([startRedis(), startPostgres()]);
  });
  afterAll(async () => {
    await Promise.all([redis?.close(), pg?.close()]);
  });

  it('starts Redis on loopback and restarts it on the same port', async () => {
    const ping = () => run('redis-cli', ['-p', String(redis.port), 'ping']);
    expect((await ping()).stdout.trim()).toBe('PONG');
    await redis.stop();
    await expect(ping()).rejects.toThrow();
    await redis.start();
    expect((await ping()).stdout.trim()).toBe('PONG');
  });

  it('starts PostgreSQL on loopback and creates separate databases', async () => {
    const a = await pg.createDatabase();
    const b = await pg.createDatabase();
    expect(a).not.toBe(b);
    const { stdout } = await run('psql', [a, '-tAc', 'SELECT current_database()']);
    expect(`postgres://postgres@127.0.0.1:${pg.port}/${stdout.trim()}`).toBe(a);
  });
});
