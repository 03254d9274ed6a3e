import type { FastifyInstance } from 'fastify';
import type { OperationRun } from '../ai/run-operation.js';
import type { JobFileRow, JobRow } from '../db/schema.js';
import { findFileInScope } from '../repositories/file-reads.js';
import { appendJobEvent } from '../repositories/job-events.js';
import { releaseJob, renewLease } from '../repositories/job-leases.js';
import { finishJob, listJobFiles, saveJobFileResult } from '../repositories/jobs.js';
import { findUserById } from '../repositories/users.js';
import { findMembership } from '../repositories/workspaces.js';
import { roleAllows } from '../workspaces/scope.js';
import { buildReport } from './analysis-report.js';
import type { AnalysisRequest } from './analysis-request.js';
import { analyzeSource, type FileReport, problemFieldsOf } from './analyze-file.js';

/** Why a running job stopped before its end. */
export type StopReason = 'cancelled' | 'lease_lost' | 'shutdown';

export class JobStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`job stopped: ${reason}`);
  }
}

export interface RunContext {
  app: FastifyInstance;
  owner: string;
  controller: AbortController;
  /** Wakes whoever follows the job's events in this process. */
  announce: (jobId: string) => void;
}

function stopReasonOf(signal: AbortSignal): StopReason | undefined {
  if (!signal.aborted) return undefined;
  return signal.reason instanceof JobStopped ? signal.reason.reason : 'shutdown';
}

async function analyzeTarget(
  run: OperationRun,
  request: AnalysisRequest,
  target: JobFileRow,
): Promise<FileReport> {
  if (target.file_id === null) {
    const language = request.language ?? 'plaintext';
    return analyzeSource(run, request, {
      fileId: null,
      path: null,
      language,
      code: request.code ?? '',
    });
  }

  const scope = { userId: run.user.id, workspaceId: run.workspaceId };
  const file = await findFileInScope(run.app.db, scope, target.file_id);
  if (!file) {
    const error = { code: 'file_not_found', detail: 'The file was deleted before its turn' };
    const language = request.language ?? 'plaintext';
    return { file_id: target.file_id, path: target.path, language, status: 'failed', error };
  }
  return analyzeSource(run, request, {
    fileId: file.id,
    path: file.path,
    language: request.language ?? file.language,
    code: file.content,
  });
}

/** Analyses the files not done yet, storing and announcing each one. */
async function analyzeRemaining(ctx: RunContext, job: JobRow, run: OperationRun) {
  const { app, owner, controller } = ctx;
  const request = JSON.parse(job.request) as AnalysisRequest;
  for (const target of await listJobFiles(app.db, job.id)) {
    if (target.result !== null) continue;
    if (controller.signal.aborted) return;
    const entry = await analyzeTarget(run, request, target);
    const file = { file_id: entry.file_id, path: entry.path, status: entry.status };
    const done = await saveJobFileResult(app.db, job.id, owner, target.idx, entry, file);
    if (done === undefined) {
      controller.abort(new JobStopped('lease_lost'));
      return;
    }
    ctx.announce(job.id);
  }
}

async function completeJob(ctx: RunContext, job: JobRow): Promise<void> {
  const request = JSON.parse(job.request) as AnalysisRequest;
  const files = await listJobFiles(ctx.app.db, job.id);
  const entries = files.map((f) => JSON.parse(f.result ?? 'null') as FileReport);
  const result = buildReport(request.checks, entries);
  await finishJob(ctx.app.db, job.id, ctx.owner, { status: 'succeeded', result });
}

/**
 * An attempt that failed: the job goes back to the queue while attempts
 * remain, and fails with the error's code and message after the last.
 */
async function failAttempt(ctx: RunContext, job: JobRow, err: unknown): Promise<void> {
  const { app, owner } = ctx;
  app.log.error({ err, jobId: job.id, attempt: job.attempts }, 'job attempt failed');
  if (job.attempts < job.max_attempts) {
    await releaseJob(app.db, job.id, owner, false);
    return;
  }
  await finishJob(app.db, job.id, owner, { status: 'failed', problem: problemFieldsOf(err) });
}

const LOST_ACCESS = {
  code: 'workspace_not_found',
  detail: 'You may no longer run AI operations in the workspace of this job',
};

/**
 * Whether the job's user may still run AI operations in its workspace:
 * they may have left it, or lost the role, since they submitted the job.
 */
async function mayStillAnalyze(app: FastifyInstance, job: JobRow): Promise<boolean> {
  if (job.workspace_id === null) return true;
  const membership = await findMembership(app.db, job.workspace_id, job.user_id);
  return membership !== undefined && roleAllows(membership.role, 'ai');
}

/**
 * Runs a job this worker has claimed (`job` is the row as claimed) to its
 * end. The lease is renewed while it runs; when the renewal finds the job
 * cancelled or taken over, the current generation is aborted and the job
 * stops before its next file.
 */
export async function runClaimedJob(ctx: RunContext, job: JobRow): Promise<void> {
  const { app, owner, controller } = ctx;
  const { jobLeaseMs, jobPollMs } = app.config;
  const heartbeat = setInterval(
    () => {
      renewLease(app.db, job.id, owner, jobLeaseMs).then(
        (held) => held || controller.abort(new JobStopped('lease_lost')),
        (err: unknown) => app.log.warn({ err, jobId: job.id }, 'job lease renewal failed'),
      );
    },
    Math.min(jobLeaseMs / 3, jobPollMs),
  );

  try {
    const user = await findUserById(app.db, job.user_id);
    if (!user) throw new Error(`user ${job.user_id} of job ${job.id} is gone`);
    if (!(await mayStillAnalyze(app, job))) {
      await finishJob(app.db, job.id, owner, { status: 'failed', problem: LOST_ACCESS });
      return;
    }
    const started = { status: 'running', attempt: job.attempts, done: job.done, total: job.total };
    await appendJobEvent(app.db, job.id, 'started', started);
    ctx.announce(job.id);

    const run: OperationRun = {
      app,
      user: { id: user.id, username: user.username, isAdmin: user.is_admin === 1 },
      workspaceId: job.workspace_id ?? undefined,
      signal: controller.signal,
    };
    await analyzeRemaining(ctx, job, run);
    if (!controller.signal.aborted) await completeJob(ctx, job);
  } catch (err) {
    if (!controller.signal.aborted) await failAttempt(ctx, job, err);
  } finally {
    clearInterval(heartbeat);
    // Stopped by a shutdown, the job goes back to the queue without using an attempt.
    if (stopReasonOf(controller.signal) === 'shutdown')
      await releaseJob(app.db, job.id, owner, true);
    ctx.announce(job.id);
  }
}
