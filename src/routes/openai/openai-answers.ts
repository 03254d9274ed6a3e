import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TextBatcher } from '../../ai/text-batcher.js';
import type { Generation } from '../../engines/engine.js';
import { EventStream } from './event-stream.js';
import { openAIErrorOf } from './openai-errors.js';

/** OpenAI knows no time limit: text cut short for any reason is `length`. */
export function finishReasonOf(generation: Generation): 'stop' | 'length' {
  return generation.finishReason === 'stop' ? 'stop' : 'length';
}

export function usageOf(generation: Generation) {
  const { promptTokens, completionTokens } = generation.usage;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/** Fields every answer and chunk of one request share. */
export function answerBase(request: FastifyRequest, idPrefix: string) {
  return {
    id: `${idPrefix}-${randomUUID().replaceAll('-', '')}`,
    created: Math.floor(Date.now() / 1000),
    model: request.server.engine.status().model,
  };
}

export function stopsOf(stop: string | string[] | null | undefined): string[] | undefined {
  if (stop === null || stop === undefined) return undefined;
  return typeof stop === 'string' ? [stop] : stop;
}

/** How one kind of answer looks as stream chunks. */
export interface ChunkShape {
  object: string;
  idPrefix: string;
  /** A choice sent before the first text (chat announces the role). */
  opening?: object;
  choiceOf: (text: string) => object;
  finalOf: (finishReason: 'stop' | 'length') => object;
}

/**
 * Streams a generation as OpenAI chunks: text as it comes, a last chunk
 * with `finish_reason`, the usage when asked, then `[DONE]`. An error
 * before the first chunk is an ordinary error response; after it, an
 * `{error}` event ends the stream.
 */
export async function streamGeneration(
  request: FastifyRequest,
  reply: FastifyReply,
  shape: ChunkShape,
  includeUsage: boolean,
  generate: (onText: (text: string) => void) => Promise<{ generation: Generation }>,
): Promise<FastifyReply> {
  const stream = new EventStream(reply);
  const base = { ...answerBase(request, shape.idPrefix), object: shape.object };
  const emit = (choice: object) => stream.send({ ...base, choices: [choice] });
  const open = () => {
    if (!stream.started && shape.opening) emit(shape.opening);
  };

  // Batched like Atelier's own streams: one chunk per flush interval at most.
  const chunks = new TextBatcher((text) => {
    open();
    emit(shape.choiceOf(text));
  }, request.server.config.streamFlushMs);

  try {
    const { generation } = await generate((text) => chunks.push(text));
    chunks.flush();
    open();
    emit(shape.finalOf(finishReasonOf(generation)));
    if (includeUsage) stream.send({ ...base, choices: [], usage: usageOf(generation) });
    stream.end(true);
  } catch (err) {
    chunks.flush();
    if (!stream.started) throw err;
    stream.send(openAIErrorOf(err, request));
    stream.end(false);
  }
  return reply;
}
