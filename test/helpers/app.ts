import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Config } from '../../src/config/schema.js';
import type { LogStream } from '../../src/logger.js';
import { createUser } from '../../src/repositories/users.js';
import { dropTestDatabase, testDatabaseEnv, testRedisEnv } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  dataDir: string;
  close: () => Promise<void>;
}

/**
 * Builds the real application on a fresh SQLite file in a temporary folder,
 * or with TEST_DATABASE=postgres on a fresh PostgreSQL database.
 * Without a model setting the engine points at a missing file, so AI routes
 * answer 503; AI tests pass ATELIER_MODEL with the tiny model. Sign-ins are
 * not limited unless a test sets ATELIER_RATE_LIMIT_LOGIN, because every
 * `addUser` signs in from the same address.
 */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: { logStream?: LogStream } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-test-'));
  const database = env.ATELIER_DATABASE_URL ? {} : await testDatabaseEnv();
  const config = loadConfig({
    ATELIER_DATA_DIR: dataDir,
    ATELIER_LOG_LEVEL: 'silent',
    ATELIER_MODEL_DOWNLOAD: 'false',
    ATELIER_MODEL: path.join(dataDir, 'no-model.gguf'),
    ATELIER_ENGINE_THREADS: '1',
    ATELIER_RATE_LIMIT_LOGIN: '100000',
    // A shared test machine's event loop lags at times; shedding load then
    // would fail unrelated tests. Load-shedding tests turn it on.
    ATELIER_PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    ATELIER_PRESSURE_MAX_EVENT_LOOP_UTILIZATION: '0',
    ...database,
    ...(env.ATELIER_REDIS_URL ? {} : await testRedisEnv()),
    ...env,
  });
  const app = await buildApp({ config, logStream: options.logStream });
  await app.ready();
  // Redis commands fail at once while the connection is still being made;
  // a test's first request should not race it (unless Redis is down on purpose).
  const redis = app.redis;
  for (let waited = 0; redis && redis.status !== 'ready' && waited < 2000; waited += 20) {
    await sleep(20);
  }

  const close = async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
    if (database.ATELIER_DATABASE_URL) await dropTestDatabase(database.ATELIER_DATABASE_URL);
  };
  return { app, config, dataDir, close };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  token: string;
  refreshToken: string;
  auth: { authorization: string };
}

/** Creates a user in the database and logs in over HTTP. */
export async function addUser(
  app: FastifyInstance,
  username: string,
  options: { admin?: boolean; password?: string } = {},
): Promise<TestUser> {
  const password = options.password ?? `${username}-secret-pw`;
  const row = await createUser(app.db, {
    username,
    passwordHash: await hashPassword(password),
    isAdmin: options.admin ?? false,
  });
  const tokens = await login(app, username, password);
  return {
    id: row.id,
    username,
    password,
    token: tokens.access_token,
    refreshToken: tokens.refresh_token,
    auth: { authorization: `Bearer ${tokens.access_token}` },
  };
}

export async function login(app: FastifyInstance, username: string, password: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: new URLSearchParams({ username, password }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  }
  return response.json() as {
    access_token: string;
    refresh_token: string;
    token_type: string;
    expires_in: number;
  };
}
