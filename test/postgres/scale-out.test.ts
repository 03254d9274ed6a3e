import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../helpers/services.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import {
  type AtelierProcess,
  addCliUser,
  api,
  kill,
  logIn,
  pollJob,
  startServe,
} from '../jobs/process-helpers.js';

const EXPLAIN_LIMIT = 3;

/**
 * Three built server processes on one PostgreSQL database and one Redis,
 * as a scaled-out deployment runs them: they must behave as one server.
 */
describe('three server processes on PostgreSQL and Redis', () => {
  let redis: RedisServer;
  let databaseUrl: string;
  let dataDir: string;
  let procs: AtelierProcess[] = [];
  let bases: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    databaseUrl = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-scale-out-'));
    const env = {
      ATELIER_DATABASE_URL: databaseUrl,
      ATELIER_REDIS_URL: redis.url,
      ATELIER_SECRET_KEY: randomBytes(32).toString('hex'),
      ATELIER_RATE_LIMIT_EXPLAIN: String(EXPLAIN_LIMIT),
      ATELIER_RATE_LIMIT_COMPLETE: '1000',
      // Three processes share two cores: a lease long enough not to lapse.
      ATELIER_JOB_LEASE_MS: '5000',
    };
    addCliUser(dataDir, 'ada', env);
    procs = await Promise.all([0, 1, 2].map(() => startServe(dataDir, env)));
    bases = procs.map((p) => p.base as string);
  }, 180_000);

  afterAll(async () => {
    for (const proc of procs) await kill(proc, 'SIGTERM');
    await redis?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const at = (i: number) => bases[i % bases.length] as string;

  it('admits a rate limit of N requests in total across the processes', async () => {
    const auth = await logIn(at(0), 'ada');
    const body = { code: 'x = 1', max_tokens: 2, cache: false };

    const statuses: number[] = [];
    for (let i = 0; i < 2 * EXPLAIN_LIMIT; i++) {
      statuses.push((await api(at(i), auth, 'POST', '/api/v1/ai/explain', body)).status);
    }

    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('shares the answer cache, and a write on one process invalidates it on all', async () => {
    const auth = await logIn(at(1), 'ada');
    const file = await api(at(0), auth, 'POST', '/api/v1/files', {
      path: 'cached.py',
      content: 'def f(x):\n    return x\n',
    });
    const ask = (i: number) =>
      fetch(`${at(i)}/api/v1/ai/complete`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          file_id: file.body.id,
          cursor: { line: 2, column: 5 },
          max_tokens: 4,
          temperature: 0,
        }),
      });

    const first = await ask(0);
    const second = await ask(1);
    const edited = await api(at(2), auth, 'PUT', `/api/v1/files/${file.body.id}`, {
      content: 'def g(y):\n    return y\n',
    });
    const third = await ask(0);

    expect(first.headers.get('x-cache')).toBe('miss');
    expect(second.headers.get('x-cache')).toBe('hit');
    const [a, b] = (await Promise.all([first.json(), second.json()])) as { completion: string }[];
    expect(b?.completion).toBe(a?.completion);
    expect(edited.status).toBe(200);
    expect(third.headers.get('x-cache')).toBe('miss');
  });

  it('refuses on one process a refresh token already used on another', async () => {
    const res = await fetch(`${at(0)}/api/v1/auth/token`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'ada', password: 'jobs-e2e-password-1234' }),
    });
    const { refresh_token } = (await res.json()) as { refresh_token: string };
    const refresh = (i: number) =>
      api(at(i), { 'content-type': 'application/json' }, 'POST', '/api/v1/auth/refresh', {
        refresh_token,
      });

    expect((await refresh(1)).status).toBe(200);
    const replay = await refresh(2);

    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('refresh_token_reused');
  });

  it('runs a job queued on one process exactly once, on some process', async () => {
    const auth = await logIn(at(2), 'ada');
    const queued = await api(at(2), auth, 'POST', '/api/v1/ai/analyze', {
      code: 'def f(x):\n    if x:\n        return 1\n    return 2\n',
      language: 'python',
      checks: ['symbols', 'metrics'],
    });
    expect(queued.status).toBe(202);
    const id = queued.body.id as string;

    const job = await pollJob(at(0), auth, id, (j) => j.status === 'succeeded');

    expect(job.attempts).toBe(1);
    const starts = procs.flatMap((p) =>
      p.logs.filter((l) => l.msg === 'job started' && l.jobId === id),
    );
    expect(starts).toHaveLength(1);
  });

  it('answers 503 while Redis is down and recovers by itself when it returns', async () => {
    const auth = await logIn(at(0), 'ada');
    const body = { code: 'x = 1', max_tokens: 2, cache: false };
    await redis.stop();

    const down = await api(at(1), auth, 'POST', '/api/v1/ai/complete', body);
    const ready = await fetch(`${at(1)}/readyz`);
    const files = await api(at(2), auth, 'GET', '/api/v1/files');

    expect(down.status).toBe(503);
    expect(down.body.code).toBe('redis_unavailable');
    expect(ready.status).toBe(503);
    expect(files.status).toBe(200);

    await redis.start();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await api(at(1), auth, 'POST', '/api/v1/ai/complete', body)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  });
});
