import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../helpers/services.js';
import {
  type AtelierProcess,
  addCliUser,
  api,
  eventTypes,
  kill,
  logIn,
  pollJob,
  startServe,
  startWorker,
  uploadSlowFiles,
} from './process-helpers.js';

const FILES = 12;
const finished = (job: { status: string }) => !['queued', 'running'].includes(job.status);

function startsOf(proc: AtelierProcess, jobId: string) {
  return proc.logs.filter((l) => l.msg === 'job started' && l.jobId === jobId);
}

/**
 * Scale-out: one server that only queues (ATELIER_WORKER=off) and two
 * `atelier worker` processes, all on one database and one real Redis.
 */
describe('jobs on BullMQ with separate worker processes', () => {
  let redis: RedisServer;
  let dataDir: string;
  let server: AtelierProcess;
  let workers: AtelierProcess[];
  let base: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    redis = await startRedis();
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-jobs-bull-'));
    // Three processes share two cores here: a lease long enough not to lapse under that load.
    const env = { ATELIER_REDIS_URL: redis.url, ATELIER_JOB_LEASE_MS: '4000' };
    addCliUser(dataDir, 'ada', env);
    server = await startServe(dataDir, { ...env, ATELIER_WORKER: 'off' });
    workers = [await startWorker(dataDir, env), await startWorker(dataDir, env)];
    base = server.base as string;
    auth = await logIn(base, 'ada');
  });

  afterAll(async () => {
    for (const proc of [server, ...(workers ?? [])]) if (proc) await kill(proc);
    await redis?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs each job queued on the server exactly once, on some worker', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await api(base, auth, 'POST', '/api/v1/ai/analyze', {
        code: `def f(x):\n    return x + ${i}\n`,
        language: 'python',
        max_tokens: 64,
      });
      expect(res.status).toBe(202);
      ids.push(res.body.id as string);
    }

    for (const id of ids) {
      const job = await pollJob(base, auth, id, finished);
      expect(job.status, id).toBe('succeeded');
      expect(job.attempts).toBe(1);
      expect(job.result?.files[0]).toMatchObject({ status: 'analyzed', max_complexity: 1 });
      const starts = workers.flatMap((w) => startsOf(w, id));
      expect(starts, id).toHaveLength(1);
      expect(startsOf(server, id)).toHaveLength(0);
      expect((await eventTypes(base, auth, id)).filter((t) => t === 'started')).toHaveLength(1);
    }
  });

  it('finishes a job on the other worker when the one running it is killed', async () => {
    await uploadSlowFiles(base, auth, FILES);
    const res = await api(base, auth, 'POST', '/api/v1/ai/analyze', {
      path_prefix: 'slow/',
      max_tokens: 256,
    });
    const id = res.body.id as string;
    await pollJob(base, auth, id, (job) => job.progress.done >= 2);

    const victim = workers.find((w) => startsOf(w, id).length > 0) as AtelierProcess;
    const survivor = workers.find((w) => w !== victim) as AtelierProcess;
    await kill(victim);

    const job = await pollJob(base, auth, id, finished);
    expect(job.status).toBe('succeeded');
    expect(job.attempts).toBe(2);
    expect(job.progress).toEqual({ done: FILES, total: FILES });
    expect(startsOf(survivor, id)).toHaveLength(1);
    const types = await eventTypes(base, auth, id);
    expect(types.filter((t) => t === 'progress')).toHaveLength(FILES);
  }, 180_000);
});
