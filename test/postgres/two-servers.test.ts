import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../src/bootstrap-admin.js';
import { type Db, migrateToLatest, openDatabase } from '../../src/db/database.js';
import { migrationProvider } from '../../src/db/migrations/index.js';
import { isPostgres } from '../../src/db/postgres.js';
import { addUser, buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { sharedWorkspace, v2, v2ok } from '../workspaces/workspace-helpers.js';

/**
 * Two servers, each with its own connection pool, on one PostgreSQL
 * database: what several Atelier processes see. Nothing orders their
 * transactions but PostgreSQL.
 */
describe('two servers on one PostgreSQL database', () => {
  let url: string;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    url = await createTestDatabase();
    const env = {
      ATELIER_DATABASE_URL: url,
      ATELIER_SECRET_KEY: randomBytes(32).toString('hex'),
    };
    a = await buildTestApp(env);
    b = await buildTestApp(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (url) await dropTestDatabase(url);
  });

  const refresh = (t: TestApp, token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: token },
    });

  it('runs on PostgreSQL', () => {
    expect(isPostgres(a.app.db)).toBe(true);
  });

  it('refuses on one server a refresh token already rotated on the other', async () => {
    const alice = await addUser(a.app, 'alice');

    const rotated = await refresh(a, alice.refreshToken);
    expect(rotated.statusCode).toBe(200);
    const replay = await refresh(b, alice.refreshToken);

    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'refresh_token_reused' });
    // The replay revoked the family, so the token the owner got is dead too.
    const successor = await refresh(a, rotated.json().refresh_token);
    expect(successor.json()).toMatchObject({ code: 'refresh_token_reused' });
  });

  it('rotates a token exactly once when both servers exchange it at the same time', async () => {
    const bob = await addUser(b.app, 'bob');

    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => refresh(i % 2 ? a : b, bob.refreshToken)),
    );

    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
    const refused = results.filter((r) => r.statusCode === 401).map((r) => r.json().code);
    expect(new Set(refused)).toEqual(new Set(['refresh_token_reused']));
  });

  it('creates a username once when both servers are asked at the same time', async () => {
    const admin = await addUser(a.app, 'root', { admin: true });
    const create = (t: TestApp) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.auth,
        payload: { username: 'twin', password: 'twin-password-1' },
      });

    const results = await Promise.all([create(a), create(b), create(a), create(b)]);

    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    const conflicts = results.filter((r) => r.statusCode === 409);
    expect(conflicts.every((r) => r.json().code === 'user_exists')).toBe(true);
  });

  describe('files', () => {
    let carol: FilesUser;

    beforeAll(async () => {
      carol = await addFilesUser(a.app, 'carol');
    });

    const put = (t: TestApp, id: string, content: string, etag?: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/files/${id}`,
        headers: { ...carol.auth, ...(etag && { 'if-match': etag }) },
        payload: { content },
      });

    const history = async (id: string) => {
      const res = await b.app.inject({
        url: `/api/v1/files/${id}/versions?limit=100`,
        headers: carol.auth,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Array<{ n: number }>;
    };

    it('lets one of many conditional writes on both servers win', async () => {
      const file = await postFile(a.app, carol, { path: 'race.py', content: 'start' });

      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => put(i % 2 ? a : b, file.id, `w${i}`, file.etag)),
      );

      const winners = results.filter((r) => r.statusCode === 200);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 412)).toHaveLength(9);
      const after = await a.app.inject({ url: `/api/v1/files/${file.id}`, headers: carol.auth });
      expect(after.json()).toMatchObject({ version: 2, content: winners[0]?.json().content });
      expect((await history(file.id)).map((v) => v.n)).toEqual([2, 1]);
    });

    it('numbers every unconditional write once, with no version or seq twice', async () => {
      const file = await postFile(b.app, carol, { path: 'busy.py', content: 'v1' });
      const writes = 12;

      const results = await Promise.all(
        Array.from({ length: writes }, (_, i) => put(i % 2 ? a : b, file.id, `w${i}`)),
      );

      expect(results.map((r) => r.statusCode)).toEqual(Array(writes).fill(200));
      const versions = results.map((r) => r.json().version).sort((x, y) => x - y);
      expect(versions).toEqual(Array.from({ length: writes }, (_, i) => i + 2));
      const entries = await history(file.id);
      expect(entries.map((v) => v.n)).toEqual(
        Array.from({ length: writes + 1 }, (_, i) => writes + 1 - i),
      );
      const rows = await a.app.db
        .selectFrom('file_versions')
        .select('seq')
        .where('file_id', '=', file.id)
        .execute();
      expect(new Set(rows.map((v) => v.seq)).size).toBe(writes + 1);
    });

    it('orders writes to different files with a seq of their own each', async () => {
      const files = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          postFile(a.app, carol, { path: `many/${i}.py`, content: 'v1' }),
        ),
      );

      const results = await Promise.all(
        files.map((file, i) => put(i % 2 ? a : b, file.id, `changed ${i}`)),
      );

      expect(results.map((r) => r.statusCode)).toEqual(Array(files.length).fill(200));
      const rows = await a.app.db
        .selectFrom('file_versions')
        .select('seq')
        .where(
          'file_id',
          'in',
          files.map((f) => f.id),
        )
        .execute();
      expect(rows).toHaveLength(2 * files.length);
      expect(new Set(rows.map((v) => v.seq)).size).toBe(rows.length);
    });

    it('keeps a new path unique when both servers create it at the same time', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? a : b).app.inject({
            method: 'POST',
            url: '/api/v1/files',
            headers: carol.auth,
            payload: { path: 'same.py', content: `c${i}` },
          }),
        ),
      );

      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    });
  });

  it('never leaves a workspace without an owner when both servers demote one each', async () => {
    const dan = await addFilesUser(a.app, 'dan');
    const eve = await addFilesUser(a.app, 'eve');
    const ids = await Promise.all(
      Array.from({ length: 8 }, () =>
        sharedWorkspace(a.app, { ...dan, username: 'dan' }, [{ username: 'eve', role: 'owner' }]),
      ),
    );
    const demote = (t: TestApp, user: FilesUser, id: string) =>
      v2(t.app, user, 'PATCH', `/workspaces/${id}/members/${user.id}`, { role: 'editor' });

    const results = await Promise.all(
      ids.flatMap((id) => [demote(a, dan, id), demote(b, eve, id)]),
    );

    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(ids.length);
    const refused = results.filter((r) => r.statusCode !== 200).map((r) => r.json().code);
    expect(refused).toEqual(Array(ids.length).fill('last_owner'));
    for (const id of ids) {
      const members = await v2ok(b.app, eve, 'GET', `/workspaces/${id}/members`);
      const owners = (members.items as Array<{ role: string }>).filter((m) => m.role === 'owner');
      expect(owners).toHaveLength(1);
    }
  });
});

describe('two servers starting at once on an empty PostgreSQL database', () => {
  let url: string;
  let dbs: Db[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    dbs = [openDatabase(url), openDatabase(url)];
  });
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.destroy()));
    if (url) await dropTestDatabase(url);
  });

  it('migrates once and creates one bootstrap administrator', async () => {
    await Promise.all(dbs.map((db) => migrateToLatest(db)));
    const passwords = await Promise.all(dbs.map((db) => bootstrapAdmin(db)));

    expect(passwords.filter((p) => p !== undefined)).toHaveLength(1);
    const admins = await dbs[1]?.selectFrom('users').select('username').execute();
    expect(admins).toEqual([{ username: 'admin' }]);
    const applied = await dbs[0]
      ?.selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    expect(applied).toHaveLength(Object.keys(await migrationProvider.getMigrations()).length);
  });
});
