import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { JobEventRow, JobRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import type { FileScope } from '../repositories/files.js';
import { listJobEvents } from '../repositories/job-events.js';
import {
  cancelJob,
  createJob,
  findJobById,
  findUserJob,
  type JobTarget,
} from '../repositories/jobs.js';
import type { AnalysisRequest } from './analysis-request.js';
import { BullQueue } from './bull-queue.js';
import { DbQueueWorker } from './db-queue.js';
import { JobExecutor } from './job-executor.js';
import { JobSignals } from './job-signals.js';
import { isTerminal } from './job-status.js';

/**
 * Background jobs: submission, cancellation and event streams for the
 * routes, and the worker that runs them when this process has one. Jobs
 * live in the database; the queue is the jobs table itself, or BullMQ when
 * ATELIER_REDIS_URL is set.
 */
export class JobService {
  readonly #signals: JobSignals;
  readonly #executor: JobExecutor;
  readonly #bull?: BullQueue;
  #dbWorker?: DbQueueWorker;
  #workerStarted = false;

  constructor(private readonly app: FastifyInstance) {
    this.#signals = new JobSignals(app);
    this.#executor = new JobExecutor(app, (jobId) => this.#signals.notify(jobId));
    if (app.config.redisUrl) this.#bull = new BullQueue(app, app.config.redisUrl);
  }

  /** Stores the job, then queues it; the row exists before anyone is told about it. */
  async submit(scope: FileScope, request: AnalysisRequest, targets: JobTarget[]): Promise<JobRow> {
    const { config, db } = this.app;
    const job = await createJob(db, {
      userId: scope.userId,
      workspaceId: scope.workspaceId,
      kind: 'analyze',
      request,
      targets,
      maxAttempts: config.jobMaxAttempts,
      maxActive: config.jobMaxPerUser,
    });
    if (this.#bull) await this.#enqueueOrFail(job);
    this.#dbWorker?.poke();
    return job;
  }

  async #enqueueOrFail(job: JobRow): Promise<void> {
    try {
      await (this.#bull as BullQueue).enqueue(job.id);
    } catch (err) {
      // Unqueued, the job would wait for the next sweep; the client is told now instead.
      this.app.log.error({ err, jobId: job.id }, 'enqueueing a job failed');
      await cancelJob(this.app.db, job.user_id, job.id);
      throw new AppError('service_unavailable', 'The job queue (Redis) is unreachable', {
        headers: { 'retry-after': '5' },
        cause: err,
      });
    }
  }

  /** Cancels the user's job; a job running in this process stops at once. */
  async cancel(userId: string, id: string): Promise<JobRow> {
    const existing = await findUserJob(this.app.db, userId, id);
    if (!existing) throw new AppError('job_not_found', `No job with id ${id}`);
    if (existing.status === 'succeeded' || existing.status === 'failed') {
      throw new AppError('job_finished', `The job already ${existing.status}`);
    }
    const row = (await cancelJob(this.app.db, userId, id)) ?? existing;
    this.#executor.stop(id, 'cancelled');
    this.#signals.notify(id);
    return row;
  }

  /**
   * The job's events after `afterSeq`, then each new one as it is stored,
   * until the job's last event. Events are read from the database, so any
   * process serves them; a signal (from any process, through Redis) or the
   * poll interval brings the next ones.
   */
  async *follow(jobId: string, afterSeq: number, signal: AbortSignal) {
    const job = await findJobById(this.app.db, jobId);
    if (!job || (isTerminal(job.status) && afterSeq >= job.event_seq)) return;
    let last = afterSeq;
    while (!signal.aborted) {
      // Listening before reading, so an event stored in between still wakes us.
      const wake = new AbortController();
      const woken = once(this.#signals, jobId, { signal: AbortSignal.any([signal, wake.signal]) });
      woken.catch(() => {});
      const events: JobEventRow[] = await listJobEvents(this.app.db, jobId, last);
      for (const event of events) {
        last = event.seq;
        yield event;
        if (isTerminal(event.type)) {
          wake.abort();
          return;
        }
      }
      if (events.length === 0) {
        await Promise.race([woken, sleep(this.app.config.jobPollMs, undefined, { signal })]).catch(
          () => {},
        );
      }
      wake.abort();
    }
  }

  /** Runs jobs in this process from now on. */
  startWorker(): void {
    if (this.#workerStarted) return;
    this.#workerStarted = true;
    if (this.#bull) {
      this.#bull.startWorker(this.#executor);
      return;
    }
    this.#dbWorker = new DbQueueWorker(this.app, this.#executor);
    this.#dbWorker.start();
  }

  /** Stops the worker; running jobs go back to the queue for the next one. */
  async close(): Promise<void> {
    await this.#dbWorker?.stop();
    if (this.#bull) await this.#bull.close(this.#workerStarted ? this.#executor : undefined);
    else await this.#executor.stopAll();
    this.#signals.close();
  }
}
