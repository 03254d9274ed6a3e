import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { JobFileRow, JobRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors/app-error.js';
import { ACTIVE_STATUSES, type JobStatus } from '../jobs/job-status.js';
import { appendJobEvent } from './job-events.js';

export interface JobTarget {
  fileId: string | null;
  path: string | null;
}

export interface NewJob {
  userId: string;
  /** A shared workspace the job's files belong to; the personal one when absent. */
  workspaceId?: string;
  kind: string;
  request: object;
  targets: JobTarget[];
  maxAttempts: number;
  /** Most queued plus running jobs the user may have, this one included. */
  maxActive: number;
}

/** What a failed job says went wrong, as a problem body's `code` and `detail`. */
export interface JobProblem {
  code: string;
  detail: string;
}

export function newJobId(): string {
  return `j_${randomBytes(16).toString('base64url')}`;
}

/**
 * Stores a queued job, its files and its first event in one transaction,
 * or refuses with 429 when the user already has `maxActive` jobs waiting
 * or running. The row is written before it is counted, so that two
 * submissions racing cannot both pass the count.
 */
export async function createJob(db: Db, job: NewJob): Promise<JobRow> {
  const now = new Date().toISOString();
  const row: JobRow = {
    id: newJobId(),
    user_id: job.userId,
    workspace_id: job.workspaceId ?? null,
    kind: job.kind,
    status: 'queued',
    request: JSON.stringify(job.request),
    total: job.targets.length,
    done: 0,
    attempts: 0,
    max_attempts: job.maxAttempts,
    lease_owner: null,
    lease_expires_at: null,
    event_seq: 0,
    result: null,
    problem: null,
    created_at: now,
    started_at: null,
    finished_at: null,
    updated_at: now,
  };

  return inTransaction(db, async (trx) => {
    await trx.insertInto('jobs').values(row).execute();
    const active = await countActiveJobs(trx, job.userId);
    if (active > job.maxActive) {
      const detail =
        `You have ${active - 1} jobs queued or running, the most allowed is ` +
        `${job.maxActive}; wait for one to finish or cancel one`;
      throw new AppError('job_limit_reached', detail, { extra: { limit: job.maxActive } });
    }
    const files = job.targets.map((t, idx) => ({
      job_id: row.id,
      idx,
      file_id: t.fileId,
      path: t.path,
      result: null,
    }));
    if (files.length > 0) await trx.insertInto('job_files').values(files).execute();
    await appendJobEvent(trx, row.id, 'queued', { status: 'queued', total: row.total });
    return { ...row, event_seq: 1 };
  });
}

export async function countActiveJobs(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('status', 'in', ACTIVE_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findJobById(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user's job; another user's is as absent as a missing one. */
export async function findUserJob(db: Db, userId: string, id: string) {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** One page of the user's jobs, newest first, without their results. */
export async function listUserJobs(
  db: Db,
  userId: string,
  page: { limit: number; offset: number; status?: JobStatus },
): Promise<{ rows: JobRow[]; total: number }> {
  let filtered = db.selectFrom('jobs').where('user_id', '=', userId);
  if (page.status) filtered = filtered.where('status', '=', page.status);
  const rows = await filtered
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map((r) => ({ ...r, result: null })), total: Number(count.n) };
}

export async function listJobFiles(db: Db, jobId: string): Promise<JobFileRow[]> {
  return db
    .selectFrom('job_files')
    .selectAll()
    .where('job_id', '=', jobId)
    .orderBy('idx')
    .execute();
}

/**
 * Stores one file's result, counts it done and records the progress event,
 * all while the job is still this worker's; undefined when it is not.
 */
export async function saveJobFileResult(
  db: Db,
  jobId: string,
  owner: string,
  idx: number,
  result: object,
  file: object,
): Promise<number | undefined> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('jobs')
      .set((eb) => ({ done: eb('done', '+', 1), updated_at: new Date().toISOString() }))
      .where('id', '=', jobId)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .returning(['done', 'total'])
      .executeTakeFirst();
    if (!updated) return undefined;
    await trx
      .updateTable('job_files')
      .set({ result: JSON.stringify(result) })
      .where('job_id', '=', jobId)
      .where('idx', '=', idx)
      .execute();
    await appendJobEvent(trx, jobId, 'progress', { ...updated, file });
    return updated.done;
  });
}

/** Ends a job this worker runs, with its result or problem; false if it was not its to end. */
export async function finishJob(
  db: Db,
  id: string,
  owner: string,
  outcome: { status: 'succeeded'; result: object } | { status: 'failed'; problem: JobProblem },
): Promise<boolean> {
  const now = new Date().toISOString();
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('jobs')
      .set({
        status: outcome.status,
        result: outcome.status === 'succeeded' ? JSON.stringify(outcome.result) : null,
        problem: outcome.status === 'failed' ? JSON.stringify(outcome.problem) : null,
        lease_owner: null,
        lease_expires_at: null,
        finished_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    const data =
      outcome.status === 'failed'
        ? { status: 'failed', problem: outcome.problem }
        : { status: 'succeeded' };
    await appendJobEvent(trx, id, outcome.status, data);
    return true;
  });
}

/**
 * Cancels the user's job if it has not finished. The status changes here,
 * at once; a worker running the job sees it at its next lease renewal or
 * file and stops.
 */
export async function cancelJob(db: Db, userId: string, id: string): Promise<JobRow | undefined> {
  const now = new Date().toISOString();
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('jobs')
      .set({
        status: 'cancelled',
        lease_owner: null,
        lease_expires_at: null,
        finished_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('status', 'in', ACTIVE_STATUSES)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) {
      await appendJobEvent(trx, id, 'cancelled', { status: 'cancelled' });
    }
    return findUserJob(trx, userId, id);
  });
}
