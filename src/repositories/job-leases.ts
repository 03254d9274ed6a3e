import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { appendJobEvent } from './job-events.js';
import { findJobById, type JobProblem } from './jobs.js';

/**
 * Leases: a worker holds a running job until `lease_expires_at` and
 * renews it while it works. Every change here is a conditional UPDATE, so
 * that workers in several processes agree on who runs a job.
 */

function later(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** Jobs a worker could take now: queued ones, and running ones whose lease ran out. */
export async function findClaimableJobs(db: Db, limit: number): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = await db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', now)]),
      ]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export type ClaimOutcome = 'claimed' | 'exhausted' | 'busy' | 'gone';

/**
 * Takes a job for `owner` with one conditional UPDATE: only a queued job,
 * or a running one whose lease expired, matches, so of several workers
 * racing for it exactly one wins. A job interrupted `max_attempts` times
 * fails instead, with the reason recorded and announced.
 */
export async function claimJob(
  db: Db,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<ClaimOutcome> {
  const now = new Date().toISOString();
  const exhausted = await inTransaction(db, async (trx) => {
    const problem: JobProblem = {
      code: 'job_attempts_exhausted',
      detail: 'The job was interrupted on every attempt (the worker running it stopped)',
    };
    const failed = await trx
      .updateTable('jobs')
      .set({
        status: 'failed',
        problem: JSON.stringify(problem),
        lease_owner: null,
        lease_expires_at: null,
        finished_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_expires_at', '<', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .executeTakeFirst();
    if (Number(failed.numUpdatedRows) === 0) return false;
    await appendJobEvent(trx, id, 'failed', { status: 'failed', problem });
    return true;
  });
  if (exhausted) return 'exhausted';

  const claimed = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      lease_owner: owner,
      lease_expires_at: later(leaseMs),
      attempts: eb('attempts', '+', 1),
      started_at: eb.fn.coalesce('started_at', eb.val(now)),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', now)]),
      ]),
    )
    .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 1) return 'claimed';

  const row = await findJobById(db, id);
  return !row || (row.status !== 'queued' && row.status !== 'running') ? 'gone' : 'busy';
}

/**
 * Extends the lease while the job runs; false when the job is no longer
 * this worker's to run (cancelled, or its lease was taken over).
 */
export async function renewLease(
  db: Db,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ lease_expires_at: later(leaseMs) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Hands a job back to the queue, as at shutdown. With `refund` the attempt
 * does not count, because the job was stopped rather than failed.
 */
export async function releaseJob(db: Db, id: string, owner: string, refund: boolean) {
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'queued',
      lease_owner: null,
      lease_expires_at: null,
      attempts: refund ? eb('attempts', '-', 1) : eb.ref('attempts'),
      updated_at: new Date().toISOString(),
    }))
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
