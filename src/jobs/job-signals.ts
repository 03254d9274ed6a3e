import { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';

const CHANNEL = 'atelier:job-events';

/**
 * Tells event streams that a job has new events. Within a process it is an
 * emitter; with Redis, every signal is also published, so a stream served
 * by one process wakes as soon as another stores an event, instead of at
 * its next poll. The poll stays as the fallback while Redis is away.
 */
export class JobSignals extends EventEmitter {
  readonly #publisher?: Redis;
  readonly #subscriber?: Redis;

  constructor(app: FastifyInstance) {
    super();
    this.setMaxListeners(0);
    if (!app.redis) return;

    this.#publisher = app.redis;
    // A subscribed connection takes no other commands: it needs its own.
    this.#subscriber = app.redis.duplicate({ enableOfflineQueue: true });
    this.#subscriber.on('message', (_channel, jobId: string) => super.emit(jobId));
    this.#subscriber.on('error', () => {});
    this.#subscriber.subscribe(CHANNEL).catch((err: unknown) => {
      app.log.warn({ err }, 'job events: subscribing failed; streams fall back to polling');
    });
  }

  /** Wakes this process's streams of the job, and other processes' ones. */
  notify(jobId: string): void {
    super.emit(jobId);
    this.#publisher?.publish(CHANNEL, jobId).catch(() => {
      // Redis is away: other processes' streams find the event at their next poll.
    });
  }

  close(): void {
    this.#subscriber?.disconnect();
  }
}
