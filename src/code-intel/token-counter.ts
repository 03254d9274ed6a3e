import type { Engine } from '../engines/engine.js';

export const TOKEN_COUNTS = ['engine', 'estimate'] as const;

/** Counts tokens with the model's tokenizer, or estimates while there is none. */
export interface TokenCounter {
  kind: (typeof TOKEN_COUNTS)[number];
  count(text: string): Promise<number>;
}

/** A rough but safe-side figure for code: about three and a half characters a token. */
const CHARS_PER_TOKEN = 3.5;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export function tokenCounterFor(engine: Engine): TokenCounter {
  if (engine.status().state === 'ready') {
    return { kind: 'engine', count: (text) => engine.countTokens(text) };
  }
  return { kind: 'estimate', count: async (text) => estimateTokens(text) };
}
