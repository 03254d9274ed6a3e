import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { jobEventPayload } from '../jobs/job-event-stream.js';
import { findUserJob } from '../repositories/jobs.js';

/** More subscriptions than this on one socket are refused. */
export const MAX_JOB_SUBSCRIPTIONS = 32;

/**
 * A socket's job subscriptions: each streams the job's stored events as
 * `job_event` messages, from `after_seq` on, until the job's last event,
 * an `unsubscribe_job`, or the socket closing.
 */
export class JobSubscriptions {
  readonly #active = new Map<string, AbortController>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly send: (message: object) => void,
  ) {}

  async subscribe(userId: string, jobId: string, afterSeq: number): Promise<void> {
    if (this.#active.has(jobId)) return;
    if (this.#active.size >= MAX_JOB_SUBSCRIPTIONS) {
      const detail = `At most ${MAX_JOB_SUBSCRIPTIONS} job subscriptions per socket`;
      throw new AppError('too_many_in_flight', detail);
    }
    if (!(await findUserJob(this.app.db, userId, jobId))) {
      throw new AppError('job_not_found', `No job with id ${jobId}`);
    }

    const controller = new AbortController();
    this.#active.set(jobId, controller);
    this.send({ type: 'job_subscribed', job_id: jobId, after_seq: afterSeq });
    this.#stream(jobId, afterSeq, controller.signal)
      .catch((err: unknown) => this.app.log.error({ err, jobId }, 'job subscription failed'))
      .finally(() => {
        if (this.#active.get(jobId) === controller) this.#active.delete(jobId);
      });
  }

  unsubscribe(jobId: string): void {
    this.#active.get(jobId)?.abort();
    this.#active.delete(jobId);
    this.send({ type: 'job_unsubscribed', job_id: jobId });
  }

  closeAll(): void {
    for (const controller of this.#active.values()) controller.abort();
    this.#active.clear();
  }

  async #stream(jobId: string, afterSeq: number, signal: AbortSignal): Promise<void> {
    for await (const event of this.app.jobs.follow(jobId, afterSeq, signal)) {
      if (signal.aborted) return;
      this.send({ type: 'job_event', event: event.type, ...jobEventPayload(event) });
    }
  }
}
