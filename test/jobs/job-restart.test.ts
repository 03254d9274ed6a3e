import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AtelierProcess,
  addCliUser,
  api,
  eventTypes,
  kill,
  logIn,
  pollJob,
  startServe,
  uploadSlowFiles,
} from './process-helpers.js';

const FILES = 12;

/**
 * The built server in a child process, killed with SIGKILL while a job
 * runs and started again on the same data folder.
 */
describe('a job across a SIGKILL of the server', () => {
  let dataDir: string;
  let running: AtelierProcess[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-jobs-kill-'));
    addCliUser(dataDir, 'ada');
    running = [];
  });

  afterEach(async () => {
    for (const proc of running) await kill(proc);
    await rm(dataDir, { recursive: true, force: true });
  });

  async function startKillAndRestart(env: Record<string, string>) {
    const first = await startServe(dataDir, env);
    running.push(first);
    const base = first.base as string;
    let auth = await logIn(base, 'ada');
    await uploadSlowFiles(base, auth, FILES);
    const submitted = await api(base, auth, 'POST', '/api/v1/ai/analyze', {
      path_prefix: 'slow/',
      max_tokens: 256,
    });
    expect(submitted.status).toBe(202);
    const id = submitted.body.id as string;

    const midway = await pollJob(base, auth, id, (job) => job.progress.done >= 2);
    expect(midway.status).toBe('running');
    await kill(first);

    const second = await startServe(dataDir, env);
    running.push(second);
    auth = await logIn(second.base as string, 'ada');
    return { id, base: second.base as string, auth, doneBeforeKill: midway.progress.done };
  }

  it('runs the job again after the restart, keeping the files already analysed', async () => {
    const { id, base, auth, doneBeforeKill } = await startKillAndRestart({});

    const job = await pollJob(
      base,
      auth,
      id,
      (j) => j.status !== 'running' && j.status !== 'queued',
    );
    expect(job.status).toBe('succeeded');
    expect(job.attempts).toBe(2);
    expect(job.progress).toEqual({ done: FILES, total: FILES });
    expect(job.result?.files).toHaveLength(FILES);
    for (const file of job.result?.files ?? []) {
      expect(file).toMatchObject({ status: 'analyzed', findings: expect.any(Array) });
      expect(file).not.toHaveProperty('model_error');
    }
    expect(job.result?.summary).toMatchObject({ files: FILES, analyzed: FILES, functions: FILES });

    const types = await eventTypes(base, auth, id);
    expect(types.filter((t) => t === 'started')).toHaveLength(2);
    // Each file was stored once: the files done before the kill were not redone.
    expect(types.filter((t) => t === 'progress')).toHaveLength(FILES);
    expect(doneBeforeKill).toBeGreaterThanOrEqual(2);
    expect(types.at(-1)).toBe('succeeded');
  }, 180_000);

  it('fails the job with a reason once its attempts are used up', async () => {
    const { id, base, auth } = await startKillAndRestart({ ATELIER_JOB_MAX_ATTEMPTS: '1' });

    const job = await pollJob(
      base,
      auth,
      id,
      (j) => j.status !== 'running' && j.status !== 'queued',
    );
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.problem).toEqual({
      code: 'job_attempts_exhausted',
      detail: expect.stringContaining('interrupted'),
    });
    expect(job.finished_at).toEqual(expect.any(String));
    expect((await eventTypes(base, auth, id)).at(-1)).toBe('failed');
  }, 180_000);
});
