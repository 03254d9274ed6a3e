import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, login, type TestApp, type TestUser } from '../helpers/app.js';
import { postFile, type StoredFile } from '../helpers/files-user.js';
import { captureLogs, type LogCapture } from '../helpers/logs.js';
import { type PostgresServer, startPostgres } from '../helpers/services.js';

/** Its own PostgreSQL server, because these tests stop and start it. */
describe('PostgreSQL going away and coming back', () => {
  let server: PostgresServer;
  let t: TestApp;
  let logs: LogCapture;
  let alice: TestUser;
  let file: StoredFile;

  beforeAll(async () => {
    server = await startPostgres();
    logs = captureLogs();
    const env = { ATELIER_DATABASE_URL: await server.createDatabase(), ATELIER_LOG_LEVEL: 'warn' };
    t = await buildTestApp(env, { logStream: logs.stream });
    alice = await addUser(t.app, 'alice');
    file = await postFile(t.app, alice, { path: 'kept.py', content: 'acknowledged = True\n' });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  const read = () => t.app.inject({ url: `/api/v1/files/${file.id}`, headers: alice.auth });
  const write = (content: string) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: alice.auth,
      payload: { content },
    });
  const readiness = async () => {
    const res = await t.app.inject({ url: '/readyz' });
    return { status: res.statusCode, database: res.json().checks.database };
  };

  it('answers 503 database_unavailable while the server is down', async () => {
    await server.stop();

    const responses = [
      await read(),
      await write('lost = True\n'),
      await t.app.inject({ url: '/api/v1/files', headers: alice.auth }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: new URLSearchParams({ username: 'alice', password: alice.password }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ];

    for (const res of responses) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
    }
    expect(await readiness()).toMatchObject({
      status: 503,
      database: { status: 'unavailable', detail: expect.any(String) },
    });
    const unhandled = logs.lines().filter((line) => line.msg === 'unhandled error');
    expect(unhandled).toEqual([]);
  });

  it('logs the pooled connections the shutdown broke instead of crashing', () => {
    const lost = logs.lines().filter((line) => line.msg === 'database connection lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost[0]).toMatchObject({ level: 40 });
  });

  it('serves again once the server is back, with every acknowledged write kept', async () => {
    await server.start();

    expect((await readiness()).database).toEqual({ status: 'ok' });
    const again = await read();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: 1, content: 'acknowledged = True\n' });
    const written = await write('after = True\n');
    expect(written.statusCode).toBe(200);
    expect(written.json()).toMatchObject({ version: 2 });
    await expect(login(t.app, 'alice', alice.password)).resolves.toHaveProperty('access_token');
  });
});
