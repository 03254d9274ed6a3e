import type { TokenCounter } from '../token-counter.js';
import type { RankedSymbol } from './rank-symbols.js';

/**
 * The map as text: files in the order of their best symbol, each symbol's
 * signature under its file in line order.
 */
export function renderMap(entries: RankedSymbol[]): string {
  const byPath = new Map<string, RankedSymbol[]>();
  for (const entry of entries) {
    const list = byPath.get(entry.path) ?? [];
    list.push(entry);
    byPath.set(entry.path, list);
  }
  const blocks: string[] = [];
  for (const [path, list] of byPath) {
    const lines = list
      .sort((a, b) => a.line - b.line)
      .map((entry) => `  ${entry.line}: ${entry.signature || `${entry.kind} ${entry.name}`}`);
    blocks.push(`${path}:\n${lines.join('\n')}`);
  }
  return blocks.join('\n');
}

/**
 * The longest prefix of the ranking whose rendering fits the budget, found
 * by binary search so the tokenizer runs a logarithmic number of times.
 */
export async function fitToBudget(
  ranked: RankedSymbol[],
  budget: number,
  counter: TokenCounter,
): Promise<{ entries: RankedSymbol[]; text: string; tokens: number }> {
  let best = { entries: [] as RankedSymbol[], text: '', tokens: 0 };
  let low = 1;
  let high = ranked.length;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const entries = ranked.slice(0, middle);
    const text = renderMap([...entries]);
    const tokens = await counter.count(text);
    if (tokens <= budget) {
      best = { entries, text, tokens };
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
