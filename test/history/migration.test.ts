import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { type Db, openDatabase } from '../../src/db/database.js';
import { migrationProvider } from '../../src/db/migrations/index.js';

describe('migration to workspaces and history', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atelier-migrate-'));
    db = openDatabase(`sqlite://${path.join(dir, 'atelier.db')}`);
  });
  afterAll(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('moves existing files into their owner’s personal workspace with a first version', async () => {
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('001-initial')).error).toBeUndefined();
    const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const time = '2026-01-02T03:04:05.000Z';
    await old
      .insertInto('users')
      .values({ id: 'u1', username: 'old', password_hash: 'x', created_at: time, updated_at: time })
      .execute();
    await old
      .insertInto('files')
      .values({
        id: 'f_old',
        user_id: 'u1',
        path: 'legacy.py',
        language: 'python',
        content: 'legacy = 1\n',
        size: 11,
        version: 3,
        content_hash: 'h',
        created_at: time,
        updated_at: time,
      })
      .execute();

    const config = loadConfig({
      ATELIER_DATA_DIR: dir,
      ATELIER_LOG_LEVEL: 'silent',
      ATELIER_MODEL_DOWNLOAD: 'false',
      ATELIER_MODEL: path.join(dir, 'no-model.gguf'),
    });
    const app = await buildApp({ config, db });
    try {
      const token = await app.accessTokens.issue('u1');
      const auth = { authorization: `Bearer ${token}` };
      const file = await app.inject({ url: '/api/v1/files/f_old', headers: auth });
      expect(file.json()).toMatchObject({ path: 'legacy.py', version: 3, content: 'legacy = 1\n' });

      const versions = await app.inject({ url: '/api/v1/files/f_old/versions', headers: auth });
      expect(versions.json().items).toEqual([
        expect.objectContaining({ n: 3, reason: 'manual', author: { id: 'u1', username: 'old' } }),
      ]);
      const undo = await app.inject({
        method: 'POST',
        url: '/api/v1/files/f_old/undo',
        headers: auth,
      });
      expect(undo.json().code).toBe('nothing_to_undo');

      const spaces = await app.inject({ url: '/api/v2/workspaces', headers: auth });
      expect(spaces.json().items).toEqual([
        expect.objectContaining({ name: 'old', personal: true, role: 'owner' }),
      ]);
    } finally {
      await app.close();
    }
  });
});
