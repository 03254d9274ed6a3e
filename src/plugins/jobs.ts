import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { JobService } from '../jobs/job-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobService;
  }
}

/**
 * Background jobs. With ATELIER_WORKER=embedded (the default) this process
 * also runs them, from the start until shutdown, when its running jobs go
 * back to the queue.
 */
const jobs: FastifyPluginAsync = async (app) => {
  const service = new JobService(app);
  app.decorate('jobs', service);
  if (app.config.worker === 'embedded') app.addHook('onReady', async () => service.startWorker());
  app.addHook('preClose', async () => service.close());
};

export default fp(jobs, { name: 'jobs' });
