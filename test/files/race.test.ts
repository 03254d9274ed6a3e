import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { TEST_DATABASE, testDatabaseEnv } from '../helpers/test-database.js';

const WRITERS = 6;

/**
 * Holds every PUT until all writers have arrived, so that each one reads the
 * same version and passes its If-Match check: only the conditional UPDATE
 * can then tell them apart.
 */
function barrier(size: number) {
  const waiting: Array<() => void> = [];
  return async () => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === size) for (const release of waiting.splice(0)) release();
    });
  };
}

/**
 * SQLite answers every read before the first write lands, so each loser
 * loses at the conditional write. PostgreSQL queries overlap, and a loser
 * may read after the winner committed and fail the If-Match check instead.
 */
const LOST_WRITE =
  TEST_DATABASE === 'sqlite'
    ? 'The file changed since it was read'
    : /^(The file changed since it was read|If-Match does not match the current ETag)$/;

describe('concurrent conditional writes', () => {
  let app: FastifyInstance;
  let dataDir: string;
  let alice: FilesUser;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-race-'));
    const config = loadConfig({
      ATELIER_DATA_DIR: dataDir,
      ATELIER_LOG_LEVEL: 'silent',
      ATELIER_MODEL_DOWNLOAD: 'false',
      ATELIER_MODEL: path.join(dataDir, 'no-model.gguf'),
      ATELIER_ENGINE_THREADS: '1',
      ATELIER_PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
      ATELIER_PRESSURE_MAX_EVENT_LOOP_UTILIZATION: '0',
      ...(await testDatabaseEnv()),
    });
    app = await buildApp({ config });
    const arrive = barrier(WRITERS);
    app.addHook('preHandler', async (request) => {
      if (request.method === 'PUT') await arrive();
    });
    await app.ready();
    alice = await addFilesUser(app, 'alice');
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets exactly one PUT win when all pass If-Match before any writes', async () => {
    const file = await postFile(app, alice, { path: 'race.py', content: 'start' });

    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        app.inject({
          method: 'PUT',
          url: `/api/v1/files/${file.id}`,
          headers: { ...alice.auth, 'if-match': file.etag },
          payload: { content: `writer ${i}` },
        }),
      ),
    );

    const winners = results.filter((r) => r.statusCode === 200);
    const losers = results.filter((r) => r.statusCode === 412);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(WRITERS - 1);
    for (const loser of losers) {
      expect(loser.json()).toMatchObject({ code: 'precondition_failed', detail: LOST_WRITE });
    }
    const after = await app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });
    expect(after.json()).toMatchObject({ version: 2, content: winners[0]?.json().content });
  });
});
