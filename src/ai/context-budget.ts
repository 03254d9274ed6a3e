import type { Engine } from '../engines/engine.js';
import { AppError } from '../errors/app-error.js';

/** Tokens kept free for the prompt template and special tokens. */
const TEMPLATE_RESERVE = 96;

/** Tokens the input may use so that the answer still fits the context. */
export function inputBudget(contextSize: number, maxTokens: number): number {
  return contextSize - maxTokens - TEMPLATE_RESERVE;
}

/**
 * Trims a completion's surroundings to fit the budget, keeping the code
 * nearest the cursor: the prefix loses its start, the suffix its end, and
 * the suffix gets at most a quarter of the room.
 */
export async function fitCompletionContext(
  engine: Engine,
  prefix: string,
  suffix: string,
  budget: number,
): Promise<{ prefix: string; suffix: string; trimmed: boolean }> {
  if (budget <= 0) throw inputTooLong(budget);
  const tokens = await engine.countTokens(prefix + suffix);
  if (tokens <= budget) return { prefix, suffix, trimmed: false };

  const charsPerToken = (prefix.length + suffix.length) / Math.max(1, tokens);
  const room = Math.floor(budget * charsPerToken * 0.9);
  const suffixRoom = Math.min(suffix.length, Math.floor(room / 4));
  const prefixRoom = room - suffixRoom;
  return {
    prefix: prefix.slice(Math.max(0, prefix.length - prefixRoom)),
    suffix: suffix.slice(0, suffixRoom),
    trimmed: true,
  };
}

/** Refuses code that cannot fit the model's context with room for the answer. */
export async function ensureFits(engine: Engine, text: string, budget: number): Promise<number> {
  const tokens = await engine.countTokens(text);
  if (tokens > budget) throw inputTooLong(budget, tokens);
  return tokens;
}

function inputTooLong(budget: number, tokens?: number): AppError {
  const used = tokens === undefined ? '' : ` (${tokens} tokens)`;
  return new AppError(
    'input_too_long',
    `The input${used} does not fit the model's context with room for the answer; ` +
      `at most ${Math.max(0, budget)} tokens fit. Send less code or lower max_tokens.`,
  );
}
