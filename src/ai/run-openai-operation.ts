import type { ChatMessage, Generation, JsonGenerateOptions } from '../engines/engine.js';
import { ensureFits, inputBudget } from './context-budget.js';
import {
  contextFor,
  type GenerationFields,
  type OperationRun,
  withGeneration,
} from './run-operation.js';

/*
 * The generations behind the OpenAI-compatible endpoint: messages or a
 * prompt as the client wrote them, admitted and accounted like the rest.
 */

export interface ChatRequest extends GenerationFields {
  messages: ChatMessage[];
  /** A JSON schema the answer must satisfy (a grammar on the local engine). */
  schema?: Record<string, unknown>;
}

/** A plain chat turn, for the OpenAI-compatible endpoint. */
export async function runChat(
  run: OperationRun,
  request: ChatRequest,
): Promise<{ generation: Generation }> {
  return withGeneration(run, 'chat', async (admitted) => {
    const ctx = contextFor(admitted, request);
    const text = request.messages.map((m) => m.content).join('\n');
    await ensureFits(ctx.engine, text, inputBudget(ctx.contextSize, request.max_tokens));
    if (!request.schema)
      return { generation: await ctx.engine.chat(request.messages, ctx.options) };

    const options: JsonGenerateOptions = {
      ...ctx.options,
      schema: request.schema,
      checkAnswer: true,
    };
    return { generation: await ctx.engine.chatJson(request.messages, options) };
  });
}

export interface TextCompletionRequest extends GenerationFields {
  prompt: string;
  /** Text after the gap: makes it a fill-in-the-middle completion. */
  suffix?: string;
}

/** Raw text continuation or infill, for the OpenAI-compatible endpoint. */
export async function runTextCompletion(
  run: OperationRun,
  request: TextCompletionRequest,
): Promise<{ generation: Generation }> {
  return withGeneration(run, 'text_completion', async (admitted) => {
    const { engine, contextSize, options } = contextFor(admitted, request);
    const text = request.prompt + (request.suffix ?? '');
    await ensureFits(engine, text, inputBudget(contextSize, request.max_tokens));
    const generation = request.suffix
      ? await engine.infill(request.prompt, request.suffix, options)
      : await engine.completeText(request.prompt, options);
    return { generation };
  });
}
