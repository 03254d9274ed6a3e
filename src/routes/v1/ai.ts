import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  completeCode,
  explainCode,
  type OperationContext,
  suggestRefactors,
} from '../../ai/operations.js';
import { clientGoneSignal } from '../../ai/request-signal.js';
import { serverTiming } from '../../ai/server-timing.js';
import { offsetOf, resolveSource } from '../../ai/source.js';
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

interface GenerationFields {
  max_tokens: number;
  temperature: number;
  max_time_ms?: number;
  stop?: string[];
}

function operationContext(
  app: FastifyInstance,
  reply: FastifyReply,
  body: GenerationFields,
): OperationContext {
  return {
    engine: app.engine,
    contextSize: app.config.engineContextSize,
    options: {
      maxTokens: body.max_tokens,
      temperature: body.temperature,
      maxTimeMs: body.max_time_ms,
      stop: body.stop,
      signal: clientGoneSignal(reply),
    },
  };
}

/** Fields every AI answer carries, and the timing header. */
function resultMeta(reply: FastifyReply, generation: Generation) {
  reply.header('server-timing', serverTiming(generation.timings));
  const { promptTokens, completionTokens } = generation.usage;
  return {
    model: generation.model,
    finish_reason: generation.finishReason,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
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
      const user = currentUser(request);
      const { body } = request;
      const source = await resolveSource(app.db, user.id, body);

      const split = body.cursor ? offsetOf(source.code, body.cursor) : source.code.length;
      const prefix = source.code.slice(0, split);
      const suffix = body.cursor ? source.code.slice(split) : (body.suffix ?? '');

      const ctx = operationContext(app, reply, body);
      const result = await completeCode(ctx, { ...source, prefix, suffix });
      return {
        completion: result.completion,
        mode: result.mode,
        context_trimmed: result.trimmed,
        ...resultMeta(reply, result.generation),
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
      const user = currentUser(request);
      const source = await resolveSource(app.db, user.id, request.body);

      const ctx = operationContext(app, reply, request.body);
      const generation = await explainCode(ctx, source, request.body.question);
      return { explanation: generation.text, ...resultMeta(reply, generation) };
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
          'edit is checked to apply cleanly; `discarded` counts the ones that did not.',
        body: RefactorBody,
        response: { 200: RefactorResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { body } = request;
      const source = await resolveSource(app.db, user.id, body);

      const ctx = operationContext(app, reply, body);
      const result = await suggestRefactors(ctx, source, {
        instructions: body.instructions,
        maxSuggestions: body.max_suggestions,
      });
      return {
        suggestions: result.suggestions,
        discarded: result.discarded,
        ...resultMeta(reply, result.generation),
      };
    },
  );
};

export default ai;
