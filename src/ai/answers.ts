import type { Static, TObject } from '@fastify/type-provider-typebox';
import type { CacheStatus } from '../cache/answer-cache.js';
import type { Generation } from '../engines/engine.js';
import {
  CompleteBody,
  type CompleteResponse,
  ExplainBody,
  type ExplainResponse,
  RefactorBody,
  type RefactorResponse,
} from '../routes/v1/ai-schemas.js';
import {
  type AiOperationName,
  type OperationRun,
  resultMeta,
  runComplete,
  runExplain,
  runRefactor,
} from './run-operation.js';

/** An operation's answer in the API's shape, with the generation it came from. */
export interface Answer<T> {
  body: T;
  generation: Generation;
  /** Whether the answer cache served it (`hit`), missed, or was not asked. */
  cache: CacheStatus;
}

export async function answerComplete(
  run: OperationRun,
  body: Static<typeof CompleteBody>,
): Promise<Answer<Static<typeof CompleteResponse>>> {
  const result = await runComplete(run, body);
  const answer = {
    completion: result.completion,
    mode: result.mode,
    context_trimmed: result.trimmed,
    ...resultMeta(result.generation, result.cache),
  };
  return { body: answer, generation: result.generation, cache: result.cache };
}

export async function answerExplain(
  run: OperationRun,
  body: Static<typeof ExplainBody>,
): Promise<Answer<Static<typeof ExplainResponse>>> {
  const { generation, cache } = await runExplain(run, body);
  const answer = { explanation: generation.text, ...resultMeta(generation, cache) };
  return { body: answer, generation, cache };
}

export async function answerRefactor(
  run: OperationRun,
  body: Static<typeof RefactorBody>,
): Promise<Answer<Static<typeof RefactorResponse>>> {
  const result = await runRefactor(run, body);
  const answer = {
    suggestions: result.suggestions,
    discarded: result.discarded,
    ...resultMeta(result.generation, result.cache),
  };
  return { body: answer, generation: result.generation, cache: result.cache };
}

export interface OperationEntry {
  /** The REST body schema, which streamed requests share. */
  body: TObject;
  /** Runs the operation on a body already validated against `body`. */
  answer: (run: OperationRun, body: never) => Promise<Answer<object>>;
}

/** Every AI operation by name, for transports that dispatch on a name. */
export const OPERATIONS: Record<AiOperationName, OperationEntry> = {
  complete: { body: CompleteBody, answer: answerComplete },
  explain: { body: ExplainBody, answer: answerExplain },
  refactor: { body: RefactorBody, answer: answerRefactor },
};
