import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate } from '../../auth/authenticate.js';
import type { AnalysisRequest } from '../../jobs/analysis-request.js';
import { resolveAnalysisTargets } from '../../jobs/analysis-targets.js';
import { toJobResponse } from '../../jobs/job-view.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { scopeFields, scopeOf } from '../../workspaces/scope.js';
import { problemResponses } from '../problem-schema.js';
import { AnalyzeBody, JobResponse } from './job-schemas.js';
import type { JobRoutesOptions } from './jobs.js';

/**
 * Submits a background analysis of the scope's files: the personal
 * workspace in v1, a shared one (needing a role that may run AI) in v2.
 * The job is the caller's and is followed under the version's /jobs.
 */
const analyze: FastifyPluginAsyncTypebox<JobRoutesOptions> = async (app, { apiBase }) => {
  app.addHook('onRequest', authenticate);

  app.post(
    '/ai/analyze',
    {
      schema: {
        tags: ['ai', 'jobs'],
        security: BEARER_SECURITY,
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
      const scope = scopeFields(await scopeOf(request, 'ai'));
      const { config, db, jobs } = request.server;
      const limits = { maxFiles: config.jobMaxFiles, maxCodeBytes: config.maxFileBytes };
      const targets = await resolveAnalysisTargets(db, scope, request.body, limits);

      const job = await jobs.submit(scope, request.body as AnalysisRequest, targets);

      request.log.info({ jobId: job.id, files: job.total }, 'job queued');
      reply.code(202).header('location', `${apiBase}/jobs/${job.id}`);
      return toJobResponse(job, { withResult: true, apiBase });
    },
  );
};

export default analyze;
