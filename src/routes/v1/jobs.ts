import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import { AppError } from '../../errors/app-error.js';
import { streamJobEvents } from '../../jobs/job-event-stream.js';
import { toJobResponse } from '../../jobs/job-view.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { findUserJob, listUserJobs } from '../../repositories/jobs.js';
import { problemResponses } from '../problem-schema.js';
import {
  JobEventsQuery,
  JobListQuery,
  JobListResponse,
  JobParams,
  JobResponse,
} from './job-schemas.js';

const common = { tags: ['jobs'], security: BEARER_SECURITY };

function lastEventIdOf(header: string | string[] | undefined, query?: number): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return query ?? 0;
  const seq = Number(value);
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new AppError('validation_failed', 'Last-Event-ID must be an event id sent earlier', {
      errors: [{ field: 'headers.last-event-id', message: 'must be a whole number' }],
    });
  }
  return seq;
}

export interface JobRoutesOptions {
  /** The API version's prefix, for the links in job bodies. */
  apiBase: string;
}

/**
 * The caller's background jobs, followed under /jobs: the user's own,
 * whichever workspace they analyse (submitted at /ai/analyze).
 */
const jobs: FastifyPluginAsyncTypebox<JobRoutesOptions> = async (app, { apiBase }) => {
  app.addHook('onRequest', authenticate);

  app.get(
    '/jobs',
    {
      schema: {
        ...common,
        summary: 'List your jobs',
        description: 'Your jobs, newest first, without their results; filter by `status`.',
        querystring: JobListQuery,
        response: { 200: JobListResponse, ...problemResponses(401, 422) },
      },
    },
    async (request) => {
      const { limit, offset, status } = request.query;
      const page = await listUserJobs(request.server.db, currentUser(request).id, {
        limit,
        offset,
        status,
      });
      const items = page.rows.map((row) => toJobResponse(row, { withResult: false, apiBase }));
      return { items, total: page.total, limit, offset };
    },
  );

  app.get(
    '/jobs/:job_id',
    {
      schema: {
        ...common,
        summary: 'A job: status, progress, and its result or problem',
        params: JobParams,
        response: { 200: JobResponse, ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      const row = await findUserJob(
        request.server.db,
        currentUser(request).id,
        request.params.job_id,
      );
      if (!row) throw new AppError('job_not_found', `No job with id ${request.params.job_id}`);
      return toJobResponse(row, { withResult: true, apiBase });
    },
  );

  app.delete(
    '/jobs/:job_id',
    {
      schema: {
        ...common,
        summary: 'Cancel a job',
        description:
          'Cancels a queued or running job (again: no change). A running job stops ' +
          'before its next file and its current generation is aborted. 409 once finished.',
        params: JobParams,
        response: { 200: JobResponse, ...problemResponses(401, 404, 409) },
      },
    },
    async (request) => {
      const row = await request.server.jobs.cancel(currentUser(request).id, request.params.job_id);
      request.log.info({ jobId: row.id, status: row.status }, 'job cancel requested');
      return toJobResponse(row, { withResult: true, apiBase });
    },
  );

  app.get(
    '/jobs/:job_id/events',
    {
      schema: {
        ...common,
        summary: "A job's events as server-sent events",
        description:
          'Every event of the job from the start, or after `Last-Event-ID` (or ' +
          '`?last_event_id=`), then new ones as they happen: `queued`, `started`, ' +
          '`progress` (`{done, total, file}`), and one of `succeeded`, `failed`, ' +
          '`cancelled`, after which the stream ends. Each event has an `id` to resume from.',
        params: JobParams,
        querystring: JobEventsQuery,
        response: { ...problemResponses(401, 404, 422) },
      },
    },
    async (request, reply) => {
      const { job_id } = request.params;
      const row = await findUserJob(request.server.db, currentUser(request).id, job_id);
      if (!row) throw new AppError('job_not_found', `No job with id ${job_id}`);
      const after = lastEventIdOf(request.headers['last-event-id'], request.query.last_event_id);
      await streamJobEvents(request, reply, job_id, after);
    },
  );
};

export default jobs;
