import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { buildTinyModelApp } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';

/**
 * Two Atelier instances as two processes would be deployed: one SQLite
 * file, one Redis, one signing key; nothing else in common.
 */
export async function buildPair(
  redisUrl: string,
  env: Record<string, string> = {},
  secondEnv: Record<string, string> = {},
): Promise<[TestApp, TestApp]> {
  const shared = {
    ATELIER_REDIS_URL: redisUrl,
    ATELIER_SECRET_KEY: randomBytes(32).toString('base64url'),
    ATELIER_AI_CACHE_TTL_MS: '60000',
    ...env,
  };
  const first = await buildTinyModelApp(shared);
  const databaseUrl = `sqlite://${path.join(first.dataDir, 'atelier.db')}`;
  const second = await buildTinyModelApp({
    ...shared,
    ATELIER_DATABASE_URL: databaseUrl,
    ...secondEnv,
  });
  return [first, second];
}
