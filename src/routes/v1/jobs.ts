import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import { AppError } from '../../errors/app-error.js';
import type { AnalysisRequest } from '../../jobs/analysis-request.js';
import { resolveAnalysisTargets } from '../../jobs/analysis-targets.js';
import { streamJobEvents } from '../../jobs/job-event-stream.js';
import { toJobResponse } from '../../jobs/job-view.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { findUserJob, listUserJobs } from '../../repositories/jobs.js';
import { problemResponses } from '../problem-schema.js';
import {
  AnalyzeBody,
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

/** Background analysis jobs: submitted under /ai/analyze, followed under /jobs. */
const jobs: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', authenticate);

  app.post(
    '/ai/analyze',
    {
      schema: {
        ...common,
        tags: ['ai', 'jobs'],
        summary: 'Analyse files in the background',
        description:
          'Queues an analysis of stored files (`file_ids`, or every file under ' +
          '`path_prefix`) or of `code`, and answers 202 with the job and its `Location`. ' +
          'Per file: symbols, size, nesting and complexity figures, long functions and ' +
          "duplicated blocks from tree-sitter, plus the model's findings; `checks` picks " +
          'the parts. Follow the job at GET /jobs/{id} or its events.',
        body: AnalyzeBody,
        response: { 202: JobResponse, ...problemResponses(401, 404, 413, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { config, db } = request.server;
      const limits = { maxFiles: config.jobMaxFiles, maxCodeBytes: config.maxFileBytes };
      const targets = await resolveAnalysisTargets(db, user.id, request.body, limits);

      const job = await request.server.jobs.submit(
        user.id,
        request.body as AnalysisRequest,
        targets,
      );
      request.log.info({ jobId: job.id, files: job.total }, 'job queued');
      reply.code(202).header('location', `/api/v1/jobs/${job.id}`);
      return toJobResponse(job, { withResult: true });
    },
  );

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
      const items = page.rows.map((row) => toJobResponse(row, { withResult: false }));
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
      return toJobResponse(row, { withResult: true });
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
      return toJobResponse(row, { withResult: true });
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
