import type { Static } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AuthUser } from '../auth/authenticate.js';
import type { GenerateOptions, Generation } from '../engines/engine.js';
import type { CompleteBody, ExplainBody, RefactorBody } from '../routes/v1/ai-schemas.js';
import { withFileContext } from './file-context.js';
import {
  type CompletionResult,
  completeCode,
  explainCode,
  type OperationContext,
  type RefactorResult,
  suggestRefactors,
} from './operations.js';
import { offsetOf, resolveSource } from './source.js';

export type OperationName = 'complete' | 'explain' | 'refactor';

/**
 * Who asks and how to reach them. Every transport (REST, SSE, WebSocket)
 * runs operations through this module, so admission, accounting and
 * cancellation live in one place.
 */
export interface OperationRun {
  app: FastifyInstance;
  user: AuthUser;
  /** Aborted when the caller goes away or cancels. */
  signal: AbortSignal;
  /** Receives generated text as it arrives, for streaming transports. */
  onText?: (text: string) => void;
}

interface GenerationFields {
  max_tokens: number;
  temperature: number;
  max_time_ms?: number;
  stop?: string[];
}

function contextFor(run: OperationRun, body: GenerationFields): OperationContext {
  const options: GenerateOptions = {
    maxTokens: body.max_tokens,
    temperature: body.temperature,
    maxTimeMs: body.max_time_ms,
    stop: body.stop,
    signal: run.signal,
    onText: run.onText,
  };
  return { engine: run.app.engine, contextSize: run.app.config.engineContextSize, options };
}

/** The one place every generation passes through, whatever the transport. */
async function withGeneration<T extends { generation: Generation }>(
  _run: OperationRun,
  _operation: OperationName,
  execute: () => Promise<T>,
): Promise<T> {
  return execute();
}

export async function runComplete(
  run: OperationRun,
  body: Static<typeof CompleteBody>,
): Promise<CompletionResult> {
  const resolved = await resolveSource(run.app.db, run.user.id, body);
  const split = body.cursor ? offsetOf(resolved.code, body.cursor) : resolved.code.length;
  const prefix = resolved.code.slice(0, split);
  const suffix = body.cursor ? resolved.code.slice(split) : (body.suffix ?? '');
  const source = await withFileContext(run, body.max_tokens, resolved, prefix + suffix);

  return withGeneration(run, 'complete', () =>
    completeCode(contextFor(run, body), { ...source, prefix, suffix }),
  );
}

export async function runExplain(
  run: OperationRun,
  body: Static<typeof ExplainBody>,
): Promise<{ generation: Generation }> {
  const resolved = await resolveSource(run.app.db, run.user.id, body);
  const source = await withFileContext(run, body.max_tokens, resolved);

  return withGeneration(run, 'explain', async () => ({
    generation: await explainCode(contextFor(run, body), source, body.question),
  }));
}

export async function runRefactor(
  run: OperationRun,
  body: Static<typeof RefactorBody>,
): Promise<RefactorResult> {
  const resolved = await resolveSource(run.app.db, run.user.id, body);
  const source = await withFileContext(run, body.max_tokens, resolved);

  return withGeneration(run, 'refactor', () =>
    suggestRefactors(contextFor(run, body), source, {
      instructions: body.instructions,
      maxSuggestions: body.max_suggestions,
    }),
  );
}

/** Fields every AI answer carries, in the API's snake_case. */
export function resultMeta(generation: Generation) {
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
