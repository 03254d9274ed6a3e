import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyModelApp } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';
import { type RedisServer, startRedis } from '../helpers/services.js';
import { getJob, submitAnalysis, waitForJob } from './job-helpers.js';

/** The BullMQ queue with the worker inside the server process, on a real Redis. */
describe('jobs on BullMQ with the embedded worker', () => {
  let redis: RedisServer;
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    redis = await startRedis();
    t = await buildTinyModelApp({ ATELIER_REDIS_URL: redis.url, ATELIER_JOB_POLL_MS: '100' });
    alice = await addFilesUser(t.app, 'alice');
  });

  afterAll(async () => {
    await t?.close();
    await redis?.close();
  });

  it('runs a submitted job to success', async () => {
    const res = await submitAnalysis(t.app, alice.auth, { code: 'x = 1\n', language: 'python' });
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(t.app, alice.auth, res.json().id);
    expect(job).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      progress: { done: 1, total: 1 },
    });
  });

  it('answers 503 while Redis is down, cancelling the unqueued job, and recovers', async () => {
    await redis.stop();
    const refused = await submitAnalysis(t.app, alice.auth, {
      code: 'y = 2\n',
      checks: ['metrics'],
    });
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'service_unavailable' });
    expect(refused.headers['retry-after']).toBe('5');

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: alice.auth });
    const latest = listed.json().items[0];
    expect((await getJob(t.app, alice.auth, latest.id)).status).toBe('cancelled');

    await redis.start();
    let accepted = await submitAnalysis(t.app, alice.auth, {
      code: 'z = 3\n',
      checks: ['metrics'],
    });
    for (let i = 0; i < 100 && accepted.statusCode === 503; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      accepted = await submitAnalysis(t.app, alice.auth, { code: 'z = 3\n', checks: ['metrics'] });
    }
    expect(accepted.statusCode).toBe(202);
    const job = await waitForJob(t.app, alice.auth, accepted.json().id);
    expect(job.status).toBe('succeeded');
  });
});
