import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';
import { type RedisServer, startRedis } from '../helpers/services.js';
import { readEventStream } from '../helpers/sse.js';
import { buildPair } from '../shared-state/shared-helpers.js';
import { submitAnalysis } from './job-helpers.js';

/**
 * Two instances on one database and one Redis: `a` runs the jobs, `b` only
 * serves their event streams and polls the database once in ten minutes,
 * so the events reach `b`'s stream in time only through Redis.
 */
describe('job events across processes through Redis', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let base: string;
  let alice: FilesUser;

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await buildPair(
      redis.url,
      {},
      { ATELIER_WORKER: 'off', ATELIER_JOB_POLL_MS: '600000' },
    );
    base = await listenOnLoopback(b);
    alice = await addFilesUser(a.app, 'alice');
  });
  afterAll(async () => {
    if (b) await closeListening(b);
    await a?.close();
    await redis?.close();
  });

  it('wakes a stream on one instance when another stores the events', async () => {
    const code = 'def f(x):\n    if x:\n        return 1\n    return 2\n';
    const submitted = await submitAnalysis(b.app, alice.auth, { code, language: 'python' });
    expect(submitted.statusCode).toBe(202);

    const res = await fetch(`${base}/api/v1/jobs/${submitted.json().id}/events`, {
      headers: alice.auth,
    });
    const { events } = await readEventStream(res);

    const types = events.map((e) => e.event);
    expect(types[0]).toBe('queued');
    expect(types.at(-1)).toBe('succeeded');
  });
});
