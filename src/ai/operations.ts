import type { Engine, GenerateOptions, Generation } from '../engines/engine.js';
import { ensureFits, fitCompletionContext, inputBudget } from './context-budget.js';
import type { PromptContext } from './prompt-context.js';
import { buildCompletionMessages, cleanChatCompletion } from './prompts/complete.js';
import { buildExplainMessages } from './prompts/explain.js';
import { buildRefactorMessages } from './prompts/refactor.js';
import { refactorOutputSchema } from './refactor-schema.js';
import { type CheckedSuggestions, checkSuggestions } from './refactor-suggestions.js';

/** The code an operation works on, from the request or a stored file. */
export interface CodeSource {
  code: string;
  language: string;
  path?: string;
  /** The stored file the code came from, if any. */
  file?: { id: string; version: number; language: string };
  /** Repository context for the prompt (see src/ai/file-context.ts). */
  context?: PromptContext;
}

export interface OperationContext {
  engine: Engine;
  contextSize: number;
  options: GenerateOptions;
}

export const COMPLETION_MODES = ['infill', 'text', 'chat'] as const;
export type CompletionMode = (typeof COMPLETION_MODES)[number];

export interface CompletionResult {
  completion: string;
  mode: CompletionMode;
  trimmed: boolean;
  generation: Generation;
}

/**
 * Completes code at a cursor. With code after the cursor it is a
 * fill-in-the-middle completion, on the model's own FIM tokens when it has
 * them; otherwise the engine continues the text or, for chat-only engines,
 * answers a prompt that marks the cursor.
 */
export async function completeCode(
  ctx: OperationContext,
  source: {
    prefix: string;
    suffix: string;
    language: string;
    path?: string;
    context?: PromptContext;
  },
): Promise<CompletionResult> {
  const { engine, options } = ctx;
  const budget = inputBudget(ctx.contextSize, options.maxTokens) - (source.context?.tokens ?? 0);
  const fit = await fitCompletionContext(engine, source.prefix, source.suffix, budget);
  const can = engine.capabilities();
  // Raw continuations see the context as comments at the top of the code.
  const head = source.context?.comment ?? '';

  if (fit.suffix.length > 0 && can.infill) {
    const generation = await engine.infill(head + fit.prefix, fit.suffix, options);
    return { completion: generation.text, mode: 'infill', trimmed: fit.trimmed, generation };
  }
  if (fit.suffix.length === 0 && can.textCompletion) {
    const generation = await engine.completeText(head + fit.prefix, options);
    return { completion: generation.text, mode: 'text', trimmed: fit.trimmed, generation };
  }

  const messages = buildCompletionMessages({
    ...source,
    prefix: fit.prefix,
    suffix: fit.suffix,
    context: source.context?.text,
  });
  const generation = await engine.chat(messages, options);
  const completion = cleanChatCompletion(generation.text);
  return { completion, mode: 'chat', trimmed: fit.trimmed, generation };
}

export async function explainCode(
  ctx: OperationContext,
  source: CodeSource,
  question?: string,
): Promise<Generation> {
  const messages = buildExplainMessages({ ...source, question, context: source.context?.text });
  await ensureFits(
    ctx.engine,
    messagesText(messages),
    inputBudget(ctx.contextSize, ctx.options.maxTokens),
  );
  return ctx.engine.chat(messages, ctx.options);
}

export interface RefactorResult extends CheckedSuggestions {
  generation: Generation;
}

/**
 * Asks for refactorings as JSON constrained to a schema whose `search`
 * values are lines of the input, then keeps the edits that apply cleanly.
 */
export async function suggestRefactors(
  ctx: OperationContext,
  source: CodeSource,
  request: { instructions?: string; maxSuggestions: number },
): Promise<RefactorResult> {
  const messages = buildRefactorMessages({ ...source, ...request, context: source.context?.text });
  const budget = inputBudget(ctx.contextSize, ctx.options.maxTokens);
  await ensureFits(ctx.engine, messagesText(messages), budget);

  const schema = refactorOutputSchema(source.code, request.maxSuggestions, ctx.options.maxTokens);
  const generation = await ctx.engine.chatJson(messages, { ...ctx.options, schema });
  const checked = checkSuggestions(source.code, source.path ?? 'input', generation.value);
  return { ...checked, generation };
}

function messagesText(messages: { content: string }[]): string {
  return messages.map((m) => m.content).join('\n');
}
