import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { postFile, type StoredFile } from '../helpers/files-user.js';

describe('PostgreSQL statement timeout', () => {
  let t: TestApp;
  let alice: TestUser;
  let file: StoredFile;
  let locker: pg.Client;

  beforeAll(async () => {
    t = await buildTestApp({ ATELIER_DATABASE_STATEMENT_TIMEOUT_MS: '300' });
    alice = await addUser(t.app, 'alice');
    file = await postFile(t.app, alice, { path: 'locked.py', content: 'before = 1\n' });
    locker = new pg.Client({ connectionString: t.config.databaseUrl });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await t?.close();
  });

  const write = (content: string) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { content },
    });

  it('answers 503 database_timeout when a write waits on a lock too long, then writes', async () => {
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM files WHERE id = $1 FOR UPDATE', [file.id]);

    const blocked = await write('during = 2\n');
    expect(blocked.statusCode).toBe(503);
    expect(blocked.headers['retry-after']).toBe('1');
    expect(blocked.json()).toMatchObject({ code: 'database_timeout', status: 503 });

    const read = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ content: 'before = 1\n', version: 1 });

    await locker.query('ROLLBACK');
    const after = await write('after = 3\n');
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ content: 'after = 3\n', version: 2 });
  });
});
