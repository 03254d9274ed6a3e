import type { FastifyInstance } from 'fastify';
import { findClaimableJobs } from '../repositories/job-leases.js';
import { engineSettled, type JobExecutor } from './job-executor.js';

/**
 * The embedded queue: the jobs table itself. Every `jobPollMs` (and at
 * once when a job is submitted in this process) the worker looks for
 * queued jobs and jobs whose lease expired, and claims what it has room for.
 */
export class DbQueueWorker {
  #timer?: NodeJS.Timeout;
  #polling?: Promise<void>;
  #stopped = false;

  constructor(
    private readonly app: FastifyInstance,
    private readonly executor: JobExecutor,
  ) {}

  start(): void {
    this.#schedule(0);
  }

  /** Looks for work now rather than at the next tick. */
  poke(): void {
    if (this.#stopped || this.#polling) return;
    clearTimeout(this.#timer);
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#polling;
  }

  #schedule(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#polling = this.#poll()
        .catch((err: unknown) => this.app.log.error({ err }, 'job poll failed'))
        .finally(() => {
          this.#polling = undefined;
          this.#schedule(this.app.config.jobPollMs);
        });
    }, delay);
  }

  async #poll(): Promise<void> {
    const room = this.app.config.workerConcurrency - this.executor.runningCount;
    if (room <= 0 || !engineSettled(this.app)) return;
    for (const id of await findClaimableJobs(this.app.db, room * 2)) {
      if (this.#stopped || this.executor.runningCount >= this.app.config.workerConcurrency) return;
      const { finished } = await this.executor.start(id);
      // A finished job frees room: look for the next one straight away.
      finished?.then(() => this.poke());
    }
  }
}
