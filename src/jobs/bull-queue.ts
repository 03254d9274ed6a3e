import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { findClaimableJobs } from '../repositories/job-leases.js';
import { findJobById } from '../repositories/jobs.js';
import { engineSettled, type JobExecutor } from './job-executor.js';

const QUEUE_NAME = 'atelier-jobs';

interface QueuedJob {
  jobId: string;
}

/**
 * The scale-out queue: BullMQ on Redis hands job ids to workers in any
 * process. The database stays the source of truth: a worker still claims
 * the row with a lease before running it, so a job BullMQ delivers twice
 * (after a stall) runs once, and a sweep re-enqueues rows that are queued
 * or whose lease expired, so nothing is lost if Redis or a process was
 * gone at the wrong moment.
 */
export class BullQueue {
  readonly #queue: Queue<QueuedJob>;
  #worker?: Worker<QueuedJob>;
  #sweeper?: NodeJS.Timeout;
  readonly #closing = new AbortController();

  constructor(
    private readonly app: FastifyInstance,
    private readonly url: string,
  ) {
    // Without the offline queue, adding while Redis is away fails at once
    // (answered 503) instead of hanging the request until Redis is back.
    this.#queue = new Queue<QueuedJob>(QUEUE_NAME, {
      connection: { url, enableOfflineQueue: false },
    });
    this.#queue.on('error', (err) => app.log.warn({ err }, 'job queue connection error'));
  }

  /**
   * Hands a job to the workers. The BullMQ id carries the row's attempt
   * and last change, so re-enqueueing an unchanged row is a no-op while
   * the first delivery is still waiting.
   */
  async enqueue(jobId: string): Promise<void> {
    const row = await findJobById(this.app.db, jobId);
    if (!row) return;
    const tag = `${row.attempts}-${Date.parse(row.updated_at)}`;
    await this.#queue.add(
      'analyze',
      { jobId },
      { jobId: `${jobId}-${tag}`, removeOnComplete: true, removeOnFail: true },
    );
  }

  startWorker(executor: JobExecutor): void {
    const { config } = this.app;
    this.#worker = new Worker<QueuedJob>(
      QUEUE_NAME,
      async (job) => this.#process(executor, job.data.jobId),
      {
        connection: { url: this.url },
        concurrency: config.workerConcurrency,
        lockDuration: config.jobLeaseMs,
        stalledInterval: config.jobLeaseMs,
      },
    );
    this.#worker.on('error', (err) => this.app.log.warn({ err }, 'job worker connection error'));
    const sweep = () => {
      this.sweep().catch((err: unknown) => this.app.log.warn({ err }, 'job sweep failed'));
    };
    sweep();
    this.#sweeper = setInterval(sweep, config.jobLeaseMs);
  }

  /** Re-enqueues every row a worker could take now. */
  async sweep(): Promise<void> {
    for (const id of await findClaimableJobs(this.app.db, 100)) await this.enqueue(id);
  }

  async #process(executor: JobExecutor, jobId: string): Promise<void> {
    while (!engineSettled(this.app) && !this.#closing.signal.aborted) {
      await sleep(100, undefined, { signal: this.#closing.signal }).catch(() => {});
    }
    for (;;) {
      const { outcome, finished } = await executor.start(jobId);
      if (finished) return finished;
      if (outcome !== 'busy' || this.#closing.signal.aborted) return;
      // Another worker holds the lease; it may have died. Look again once it runs out.
      const row = await findJobById(this.app.db, jobId);
      const expires = row?.lease_expires_at ? Date.parse(row.lease_expires_at) : Date.now();
      const wait = Math.max(100, expires - Date.now() + 50);
      await sleep(wait, undefined, { signal: this.#closing.signal }).catch(() => {});
    }
  }

  /** Stops taking jobs; the executor's running jobs are stopped by the caller first. */
  async close(executor?: JobExecutor): Promise<void> {
    this.#closing.abort();
    clearInterval(this.#sweeper);
    if (executor) {
      await executor.stopAll();
      // Released jobs go straight back to the queue for the other workers.
      await this.sweep().catch(() => {});
    }
    // Forced: running jobs were stopped above, and after a lost connection a
    // graceful close can wait forever on the blocking client.
    await closeWithin(this.#worker?.close(true), () => this.#worker?.disconnect());
    await closeWithin(this.#queue.close(), () => this.#queue.disconnect());
  }
}

/** How long a BullMQ close may take before its connections are just dropped. */
const CLOSE_TIMEOUT_MS = 3000;

/**
 * Closing quits the Redis connections, which needs them writable: while
 * Redis is away or reconnecting it fails or waits for good. Shutdown must
 * not hang on that, so after a failure or a timeout the connections are
 * dropped instead.
 */
async function closeWithin(closing: Promise<void> | undefined, drop: () => unknown): Promise<void> {
  if (!closing) return;
  const timeout = new AbortController();
  const closed = await Promise.race([
    closing.then(() => true).catch(() => false),
    sleep(CLOSE_TIMEOUT_MS, false, { signal: timeout.signal }).catch(() => false),
  ]);
  timeout.abort();
  // Not awaited: dropping a connection that is reconnecting can wait as well.
  if (!closed) Promise.resolve(drop()).catch(() => {});
}
