import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { type ClaimOutcome, claimJob } from '../repositories/job-leases.js';
import { findJobById } from '../repositories/jobs.js';
import { JobStopped, runClaimedJob, type StopReason } from './job-runner.js';

const SETTLING_STATES = new Set(['starting', 'downloading', 'loading']);

/**
 * Whether the engine has finished starting, ready or not. Workers wait for
 * that before taking jobs, so that a job picked up right after a restart
 * does not meet a model that is still loading.
 */
export function engineSettled(app: FastifyInstance): boolean {
  return !SETTLING_STATES.has(app.engine.status().state);
}

interface Running {
  controller: AbortController;
  finished: Promise<void>;
}

/**
 * Claims and runs jobs in this process, whichever queue hands them over
 * (the database poller or BullMQ), and keeps track of the running ones so
 * they can be cancelled or stopped at shutdown.
 */
export class JobExecutor {
  /** Names this worker in the leases it holds. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #running = new Map<string, Running>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly announce: (jobId: string) => void,
  ) {}

  get runningCount(): number {
    return this.#running.size;
  }

  /** Claims the job and, if this worker got it, starts it; `finished` settles at its end. */
  async start(jobId: string): Promise<{ outcome: ClaimOutcome; finished?: Promise<void> }> {
    const { app } = this;
    const outcome = await claimJob(app.db, jobId, this.owner, app.config.jobLeaseMs);
    if (outcome === 'exhausted') this.announce(jobId);
    if (outcome !== 'claimed') return { outcome };

    const job = await findJobById(app.db, jobId);
    if (!job) return { outcome: 'gone' };
    app.log.info({ jobId, attempt: job.attempts, worker: this.owner }, 'job started');
    const controller = new AbortController();
    const context = { app, owner: this.owner, controller, announce: this.announce };
    const finished = runClaimedJob(context, job)
      .catch((err: unknown) => app.log.error({ err, jobId }, 'job runner failed'))
      .finally(() => this.#running.delete(jobId));
    this.#running.set(jobId, { controller, finished });
    return { outcome, finished };
  }

  /** Stops a job running here; true when it was. */
  stop(jobId: string, reason: StopReason): boolean {
    const running = this.#running.get(jobId);
    running?.controller.abort(new JobStopped(reason));
    return running !== undefined;
  }

  /** Stops every running job (they go back to the queue) and waits for them. */
  async stopAll(): Promise<void> {
    const running = [...this.#running.values()];
    for (const r of running) r.controller.abort(new JobStopped('shutdown'));
    await Promise.all(running.map((r) => r.finished));
  }
}
