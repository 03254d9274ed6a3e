import closeWithGrace from 'close-with-grace';
import { buildApp } from '../app.js';
import { loadConfig } from '../config/load-config.js';

/**
 * `atelier worker`: runs background jobs without serving HTTP. With
 * ATELIER_REDIS_URL it takes them from BullMQ, otherwise it claims them
 * from the database, like the worker embedded in `atelier serve`. On
 * SIGINT/SIGTERM its running jobs go back to the queue.
 */
export async function work(): Promise<void> {
  const config = loadConfig(process.env, { worker: 'embedded' });
  const app = await buildApp({ config });
  await app.ready();
  const queue = config.redisUrl ? 'bullmq' : 'database';
  app.log.info({ queue, concurrency: config.workerConcurrency }, 'worker started');

  closeWithGrace(
    { delay: config.shutdownTimeoutMs, logger: { error: (m: unknown) => app.log.error(m) } },
    async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'closing after an uncaught error');
      else app.log.info({ signal }, 'worker shutting down');
      await app.close();
    },
  );
}
