import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrateToLatest, openDatabase } from '../../src/db/database.js';
import { preparedQuery } from '../../src/db/prepared-query.js';
import type { UserRow } from '../../src/db/schema.js';
import { findFileStampInScope } from '../../src/repositories/file-reads.js';
import { createFile, deleteFile } from '../../src/repositories/files.js';
import { createUser, findUserById } from '../../src/repositories/users.js';
import { createWorkspace, personalWorkspaceId } from '../../src/repositories/workspaces.js';
import { createTestDatabase, dropTestDatabase, TEST_DATABASE } from '../helpers/test-database.js';

async function openTestDb(dir: string, name: string): Promise<{ db: Db; url: string }> {
  const url =
    TEST_DATABASE === 'postgres'
      ? await createTestDatabase()
      : `sqlite://${path.join(dir, `${name}.db`)}`;
  const db = openDatabase(url);
  await migrateToLatest(db);
  return { db, url };
}

function newFile(userId: string, filePath: string, workspaceId?: string) {
  const content = `// ${filePath}\n`;
  return {
    userId,
    workspaceId,
    path: filePath,
    language: 'javascript',
    content,
    size: content.length,
    contentHash: `hash-${filePath}`,
  };
}

describe('prepared queries', () => {
  let dir: string;
  const opened: { db: Db; url: string }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atelier-prepared-'));
    opened.push(await openTestDb(dir, 'one'), await openTestDb(dir, 'two'));
  });
  afterAll(async () => {
    for (const { db, url } of opened) {
      await db.destroy();
      if (TEST_DATABASE === 'postgres') await dropTestDatabase(url);
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('reads each user with the parameters of the call, not of the first one', async () => {
    const db = (opened[0] as { db: Db }).db;
    const ada = await createUser(db, { username: 'ada', passwordHash: 'h1', isAdmin: true });
    const bob = await createUser(db, { username: 'bob', passwordHash: 'h2', isAdmin: false });

    expect(await findUserById(db, ada.id)).toEqual(ada);
    expect(await findUserById(db, bob.id)).toEqual(bob);
    expect(await findUserById(db, 'no-such-user')).toBeUndefined();
  });

  it('compiles once per database, so each answers from its own rows', async () => {
    const [first, second] = opened.map((o) => o.db) as [Db, Db];
    const inFirst = await createUser(first, { username: 'eve', passwordHash: 'h', isAdmin: false });
    const inSecond = await createUser(second, {
      username: 'eve',
      passwordHash: 'other',
      isAdmin: true,
    });

    expect(await findUserById(first, inFirst.id)).toEqual(inFirst);
    expect(await findUserById(second, inSecond.id)).toEqual(inSecond);
    expect(await findUserById(second, inFirst.id)).toBeUndefined();
  });

  it('keeps the constants of the query beside its slots', async () => {
    const db = (opened[0] as { db: Db }).db;
    const adminNamed = preparedQuery<{ name: string }, UserRow>((d, slot) =>
      d
        .selectFrom('users')
        .selectAll()
        .where('is_admin', '=', 1)
        .where('username', '=', slot('name')),
    );

    expect((await adminNamed(db, { name: 'ada' })).map((u) => u.username)).toEqual(['ada']);
    expect(await adminNamed(db, { name: 'bob' })).toEqual([]);
  });

  it('finds a file only in its own scope and only while it is live', async () => {
    const db = (opened[0] as { db: Db }).db;
    const owner = await createUser(db, { username: 'owner', passwordHash: 'h', isAdmin: false });
    const other = await createUser(db, { username: 'other', passwordHash: 'h', isAdmin: false });
    const file = await createFile(db, newFile(owner.id, 'src/a.js'));
    const personal = await personalWorkspaceId(db, owner.id);

    const stamp = await findFileStampInScope(db, { userId: owner.id }, file.id);
    expect(stamp).toEqual({ id: file.id, version: 1, updated_at: file.updated_at });
    expect(await findFileStampInScope(db, { userId: other.id }, file.id)).toBeUndefined();
    expect(
      await findFileStampInScope(db, { userId: other.id, workspaceId: personal }, file.id),
    ).toMatchObject({ id: file.id });

    const shared = await createWorkspace(db, 'team', owner.id);
    const teamFile = await createFile(db, newFile(owner.id, 'src/b.js', shared.id));
    const inTeam = { userId: owner.id, workspaceId: shared.id };
    expect(await findFileStampInScope(db, inTeam, teamFile.id)).toMatchObject({ id: teamFile.id });
    expect(await findFileStampInScope(db, inTeam, file.id)).toBeUndefined();
    expect(await findFileStampInScope(db, { userId: owner.id }, teamFile.id)).toBeUndefined();

    await deleteFile(db, { userId: owner.id, id: file.id });
    expect(await findFileStampInScope(db, { userId: owner.id }, file.id)).toBeUndefined();
  });
});
