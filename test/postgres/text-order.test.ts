import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { dropTestDatabase } from '../helpers/test-database.js';

/** A database whose default collation is a natural-language one, as many servers have. */
async function createEnglishDatabase(): Promise<string> {
  const url = new URL(inject('postgresUrl') as string);
  const name = `atelier_en_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(
      `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`,
    );
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

describe('text order on a PostgreSQL database with an English collation', () => {
  let url: string;
  let t: TestApp;
  let user: FilesUser;

  beforeAll(async () => {
    url = await createEnglishDatabase();
    t = await buildTestApp({ ATELIER_DATABASE_URL: url });
    user = await addFilesUser(t.app, 'ada');
  });
  afterAll(async () => {
    await t?.close();
    if (url) await dropTestDatabase(url);
  });

  it('lists and pages paths in byte order, as on SQLite', async () => {
    const paths = ['b.py', 'B.py', 'a_b.py', 'ab.py', 'a-c.py', 'A.py'];
    for (const path of paths) await postFile(t.app, user, { path, content: 'x = 1\n' });

    const all = await t.app.inject({ url: '/api/v1/files?limit=100', headers: user.auth });
    const first = await t.app.inject({ url: '/api/v1/files?limit=3', headers: user.auth });
    const next = first.json().next_cursor as string;
    const rest = await t.app.inject({
      url: `/api/v1/files?limit=100&cursor=${encodeURIComponent(next)}`,
      headers: user.auth,
    });

    const byteOrder = [...paths].sort();
    const names = (res: typeof all) => res.json().items.map((f: { path: string }) => f.path);
    expect(names(all)).toEqual(byteOrder);
    expect([...names(first), ...names(rest)]).toEqual(byteOrder);
  });
});
