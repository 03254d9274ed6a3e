import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Answer, answerComplete, answerExplain, answerRefactor } from '../../ai/answers.js';
import { clientGoneSignal } from '../../ai/request-signal.js';
import type { OperationRun } from '../../ai/run-operation.js';
import { serverTiming } from '../../ai/server-timing.js';
import { streamAnswer } from '../../ai/sse.js';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import { cacheModeOf } from '../../cache/answer-cache.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { perUserLimit } from '../../plugins/rate-limit.js';
import { scopeOf } from '../../workspaces/scope.js';
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

/** Running AI is for owners and editors of the request's workspace scope. */
async function runFor(request: FastifyRequest, reply: FastifyReply): Promise<OperationRun> {
  const { workspaceId } = await scopeOf(request, 'ai');
  const signal = clientGoneSignal(reply);
  const cacheMode = cacheModeOf(request.headers['cache-control']);
  return { app: request.server, user: currentUser(request), workspaceId, signal, cacheMode };
}

/** Answers as JSON, with the timing header, or as events when the body asks to stream. */
async function respond<T extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  stream: boolean,
  produce: (run: OperationRun) => Promise<Answer<T>>,
): Promise<T | undefined> {
  // Before the stream commits, so a role refusal is a plain problem answer.
  const run = await runFor(request, reply);
  if (stream) {
    await streamAnswer(request, reply, run, produce);
    return undefined;
  }

  const { body, generation, cache } = await produce(run);
  request.finishReason = generation.finishReason;
  reply.header('server-timing', serverTiming(generation.timings));
  reply.header('x-cache', cache);
  return body;
}

const STREAM_NOTE =
  ' With `stream: true` the answer is `text/event-stream`: `token` events ' +
  '(`{"text"}`) as text is generated, then one `done` event with the fields of the ' +
  'JSON answer, or an `error` event with a problem body; see the README.' +
  ' With `temperature: 0` answers are cached: `X-Cache` (`hit`, `miss` or `bypass`) and ' +
  '`cached` say whether this one was; `cache: false` or `Cache-Control: no-store` opts ' +
  'out, `Cache-Control: no-cache` skips the lookup but stores the fresh answer.';

const ERRORS = problemResponses(401, 404, 422, 429, 502, 503);

const ai: FastifyPluginAsyncTypebox = async (app) => {
  const common = { tags: ['ai'], security: BEARER_SECURITY };

  app.post(
    '/ai/complete',
    {
      preHandler: authenticate,
      config: { rateLimit: perUserLimit(app, app.config.rateLimitComplete, 'ai:complete') },
      schema: {
        ...common,
        summary: 'Complete code at the cursor',
        description:
          'Completes `code` (the text before the cursor), or a stored file at `cursor`. ' +
          'With a `suffix` (or a cursor inside a file) it is a fill-in-the-middle ' +
          "completion using the model's FIM tokens when it has them. `max_time_ms` caps " +
          'generation time. The `Server-Timing` header splits queue, prompt and generation.' +
          STREAM_NOTE,
        body: CompleteBody,
        response: { 200: CompleteResponse, ...ERRORS },
      },
    },
    (request, reply) =>
      respond(request, reply, request.body.stream, (run) => answerComplete(run, request.body)),
  );

  app.post(
    '/ai/explain',
    {
      preHandler: authenticate,
      config: { rateLimit: perUserLimit(app, app.config.rateLimitExplain, 'ai:explain') },
      schema: {
        ...common,
        summary: 'Explain code',
        description:
          'Explains `code` or a stored file in Markdown, optionally answering `question`.' +
          STREAM_NOTE,
        body: ExplainBody,
        response: { 200: ExplainResponse, ...ERRORS },
      },
    },
    (request, reply) =>
      respond(request, reply, request.body.stream, (run) => answerExplain(run, request.body)),
  );

  app.post(
    '/ai/refactor',
    {
      preHandler: authenticate,
      config: { rateLimit: perUserLimit(app, app.config.rateLimitRefactor, 'ai:refactor') },
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
          '`syntax_error` unless `force`); `applied` holds the diff and the updated file.' +
          STREAM_NOTE,
        body: RefactorBody,
        response: { 200: RefactorResponse, ...ERRORS, ...problemResponses(409, 412, 428) },
      },
    },
    async (request, reply) => {
      const pinned = await pinRefactorTarget(request, request.body);

      return respond(request, reply, request.body.stream, async (run) => {
        const answer = await answerRefactor(run, request.body);
        if (!pinned) return answer;
        const { suggestions } = answer.body;
        const { model } = answer.generation;
        const applied = await applySuggestions(request, pinned, suggestions, request.body, model);
        return { ...answer, body: { ...answer.body, applied } };
      });
    },
  );
};

export default ai;
