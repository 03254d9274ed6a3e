import type { FastifyPluginAsyncTypebox, Static } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientGoneSignal } from '../../ai/request-signal.js';
import { runChat, runTextCompletion } from '../../ai/run-openai-operation.js';
import type { OperationRun } from '../../ai/run-operation.js';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import type { ChatMessage } from '../../engines/engine.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { perUserLimit } from '../../plugins/rate-limit.js';
import {
  answerBase,
  type ChunkShape,
  finishReasonOf,
  stopsOf,
  streamGeneration,
  usageOf,
} from './openai-answers.js';
import { registerOpenAIErrors } from './openai-errors.js';
import {
  ChatCompletionBody,
  ChatCompletionResponse,
  CompletionBody,
  CompletionResponse,
  ModelListResponse,
  OpenAIErrorResponse,
} from './openai-schemas.js';

/** OpenAI generates until the context ends; a bound keeps one request from hogging a slot. */
const DEFAULT_CHAT_MAX_TOKENS = 512;
/** OpenAI's own default for legacy completions. */
const DEFAULT_COMPLETION_MAX_TOKENS = 16;
const DEFAULT_TEMPERATURE = 1;

const ERRORS = Object.fromEntries(
  [400, 401, 404, 422, 429, 502, 503].map((status) => [status, OpenAIErrorResponse]),
);

function runFor(request: FastifyRequest, reply: FastifyReply): OperationRun {
  return { app: request.server, user: currentUser(request), signal: clientGoneSignal(reply) };
}

function toMessages(body: Static<typeof ChatCompletionBody>): ChatMessage[] {
  return body.messages.map((m) => ({
    role: m.role === 'developer' ? 'system' : m.role,
    content: typeof m.content === 'string' ? m.content : m.content.map((p) => p.text).join(''),
  }));
}

function toChatRequest(body: Static<typeof ChatCompletionBody>) {
  const format = body.response_format;
  return {
    messages: toMessages(body),
    max_tokens: body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_CHAT_MAX_TOKENS,
    temperature: body.temperature ?? DEFAULT_TEMPERATURE,
    stop: stopsOf(body.stop),
    schema: format?.type === 'json_schema' ? format.json_schema.schema : undefined,
  };
}

function toCompletionRequest(body: Static<typeof CompletionBody>) {
  return {
    prompt: typeof body.prompt === 'string' ? body.prompt : (body.prompt[0] ?? ''),
    suffix: body.suffix ?? undefined,
    max_tokens: body.max_tokens ?? DEFAULT_COMPLETION_MAX_TOKENS,
    temperature: body.temperature ?? DEFAULT_TEMPERATURE,
    stop: stopsOf(body.stop),
  };
}

const CHAT_CHUNKS: ChunkShape = {
  object: 'chat.completion.chunk',
  idPrefix: 'chatcmpl',
  opening: { index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null },
  choiceOf: (text) => ({ index: 0, delta: { content: text }, finish_reason: null }),
  finalOf: (reason) => ({ index: 0, delta: {}, finish_reason: reason }),
};

const COMPLETION_CHUNKS: ChunkShape = {
  object: 'text_completion',
  idPrefix: 'cmpl',
  choiceOf: (text) => ({ index: 0, text, logprobs: null, finish_reason: null }),
  finalOf: (reason) => ({ index: 0, text: '', logprobs: null, finish_reason: reason }),
};

/**
 * OpenAI's chat, completions and models routes, so that editors and tools
 * speaking OpenAI's protocol can use Atelier as their model server. They
 * take API keys (or access tokens) as bearer tokens and pass through the
 * same admission, budgets and accounting as every other generation.
 */
const openai: FastifyPluginAsyncTypebox = async (app) => {
  registerOpenAIErrors(app);
  // OpenAI reports when a model was created; the closest thing here is when it was put up.
  const servedSince = Math.floor(Date.now() / 1000);
  const common = { tags: ['openai'], security: BEARER_SECURITY };
  // Authentication comes before body validation, as on every other route:
  // an anonymous caller learns nothing about the body's shape.
  const limited = {
    onRequest: authenticate,
    config: { rateLimit: perUserLimit(app, app.config.rateLimitOpenai) },
  };

  app.post(
    '/chat/completions',
    {
      ...limited,
      schema: {
        ...common,
        summary: 'Chat completion (OpenAI-compatible)',
        description:
          'OpenAI chat completions on the configured engine. `stream: true` answers ' +
          '`text/event-stream` chunks ending in `data: [DONE]`; `stream_options.include_usage` ' +
          'adds a usage chunk. `response_format` `json_schema` constrains the output.',
        body: ChatCompletionBody,
        response: { 200: ChatCompletionResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const chat = toChatRequest(request.body);
      const run = runFor(request, reply);

      if (request.body.stream) {
        const usage = request.body.stream_options?.include_usage ?? false;
        return streamGeneration(request, reply, CHAT_CHUNKS, usage, (onText) =>
          runChat({ ...run, onText }, chat),
        );
      }
      const { generation } = await runChat(run, chat);
      const message = { role: 'assistant' as const, content: generation.text };
      return {
        ...answerBase(request, 'chatcmpl'),
        object: 'chat.completion' as const,
        choices: [{ index: 0, message, finish_reason: finishReasonOf(generation), logprobs: null }],
        usage: usageOf(generation),
      };
    },
  );

  app.post(
    '/completions',
    {
      ...limited,
      schema: {
        ...common,
        summary: 'Text completion (OpenAI-compatible, legacy)',
        description:
          'Continues `prompt`; with `suffix` it fills the gap using the model’s FIM tokens ' +
          '(local engine). Streams like chat completions with `stream: true`.',
        body: CompletionBody,
        response: { 200: CompletionResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const completion = toCompletionRequest(request.body);
      const run = runFor(request, reply);

      if (request.body.stream) {
        const usage = request.body.stream_options?.include_usage ?? false;
        return streamGeneration(request, reply, COMPLETION_CHUNKS, usage, (onText) =>
          runTextCompletion({ ...run, onText }, completion),
        );
      }
      const { generation } = await runTextCompletion(run, completion);
      const choice = { index: 0, text: generation.text, logprobs: null };
      return {
        ...answerBase(request, 'cmpl'),
        object: 'text_completion' as const,
        choices: [{ ...choice, finish_reason: finishReasonOf(generation) }],
        usage: usageOf(generation),
      };
    },
  );

  app.get(
    '/models',
    {
      onRequest: authenticate,
      schema: {
        ...common,
        summary: 'Models (OpenAI-compatible)',
        description: 'The one model the configured engine serves; use its `id` as `model`.',
        response: { 200: ModelListResponse, ...ERRORS },
      },
    },
    async () => ({
      object: 'list' as const,
      data: [
        {
          id: app.engine.status().model,
          object: 'model' as const,
          created: servedSince,
          owned_by: 'atelier',
        },
      ],
    }),
  );
};

export default openai;
