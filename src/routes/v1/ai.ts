import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientGoneSignal } from '../../ai/request-signal.js';
import {
  type OperationRun,
  resultMeta,
  runComplete,
  runExplain,
  runRefactor,
} from '../../ai/run-operation.js';
import { serverTiming } from '../../ai/server-timing.js';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import type { Generation } from '../../engines/engine.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { perUserLimit } from '../../plugins/rate-limit.js';
import { problemResponses } from '../problem-schema.js';
import {
  CompleteBody,
  CompleteResponse,
  ExplainBody,
  ExplainResponse,
  RefactorBody,
  RefactorResponse,
} from './ai-schemas.js';
import { applySuggestions, pinRefactorTarget } from './refactor-apply.js';

function runFor(request: FastifyRequest, reply: FastifyReply): OperationRun {
  return { app: request.server, user: currentUser(request), signal: clientGoneSignal(reply) };
}

/** The AI answer's common fields, and the timing header. */
function answerMeta(reply: FastifyReply, generation: Generation) {
  reply.header('server-timing', serverTiming(generation.timings));
  return resultMeta(generation);
}

const ERRORS = problemResponses(401, 404, 422, 429, 502, 503);

const ai: FastifyPluginAsyncTypebox = async (app) => {
  const common = { tags: ['ai'], security: BEARER_SECURITY };

  app.post(
    '/ai/complete',
    {
      preHandler: authenticate,
      config: { rateLimit: perUserLimit(app, app.config.rateLimitComplete) },
      schema: {
        ...common,
        summary: 'Complete code at the cursor',
        description:
          'Completes `code` (the text before the cursor), or a stored file at `cursor`. ' +
          'With a `suffix` (or a cursor inside a file) it is a fill-in-the-middle ' +
          "completion using the model's FIM tokens when it has them. `max_time_ms` caps " +
          'generation time. The `Server-Timing` header splits queue, prompt and generation.',
        body: CompleteBody,
        response: { 200: CompleteResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const result = await runComplete(runFor(request, reply), request.body);
      return {
        completion: result.completion,
        mode: result.mode,
        context_trimmed: result.trimmed,
        ...answerMeta(reply, result.generation),
      };
    },
  );

  app.post(
    '/ai/explain',
    {
      preHandler: authenticate,
      config: { rateLimit: perUserLimit(app, app.config.rateLimitExplain) },
      schema: {
        ...common,
        summary: 'Explain code',
        description:
          'Explains `code` or a stored file in Markdown, optionally answering `question`.',
        body: ExplainBody,
        response: { 200: ExplainResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { generation } = await runExplain(runFor(request, reply), request.body);
      return { explanation: generation.text, ...answerMeta(reply, generation) };
    },
  );

  app.post(
    '/ai/refactor',
    {
      preHandler: authenticate,
      config: { rateLimit: perUserLimit(app, app.config.rateLimitRefactor) },
      schema: {
        ...common,
        summary: 'Suggest refactorings with concrete edits',
        description:
          'Returns suggestions, each with a title, a rationale and an edit (a search text ' +
          'found exactly once in the input and its replacement, plus the same edit as a ' +
          "unified diff). The model's output is constrained to a JSON schema and every " +
          'edit is checked to apply cleanly; `discarded` counts the ones that did not. ' +
          'With `apply: true` (and `file_id`, plus If-Match or `expected_version`: 428 ' +
          'without, 412 when stale) the chosen suggestions (`apply_indices`, default all) ' +
          'are applied in one atomic edit, as POST /files/{id}/edits does (409, 422 ' +
          '`syntax_error` unless `force`); `applied` holds the diff and the updated file.',
        body: RefactorBody,
        response: { 200: RefactorResponse, ...ERRORS, ...problemResponses(409, 412, 428) },
      },
    },
    async (request, reply) => {
      const pinned = await pinRefactorTarget(request, request.body);
      const result = await runRefactor(runFor(request, reply), request.body);
      const applied =
        pinned && (await applySuggestions(request, pinned, result.suggestions, request.body));

      return {
        suggestions: result.suggestions,
        discarded: result.discarded,
        ...(applied && { applied }),
        ...answerMeta(reply, result.generation),
      };
    },
  );
};

export default ai;
