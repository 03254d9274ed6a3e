/** The part of a file most like a search text that was not found as is. */
export interface CandidateRegion {
  start_line: number;
  end_line: number;
  text: string;
  /** From 0 (nothing alike) to 1 (identical but for whitespace at the ends). */
  similarity: number;
}

/** Search texts longer than this are compared on their first lines only. */
const MAX_COMPARED_LINES = 40;

function bigrams(line: string): Map<string, number> {
  const text = line.trim();
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i += 1) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice similarity of two lines' character bigrams. */
function dice(a: Map<string, number>, b: Map<string, number>, aLine: string, bLine: string) {
  if (aLine.trim() === bLine.trim()) return 1;
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const count of a.values()) sizeA += count;
  for (const count of b.values()) sizeB += count;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

/**
 * Slides a window as tall as the search text over the file and scores each
 * position by the mean similarity of its lines to the search's lines.
 */
export function closestRegion(code: string, search: string): CandidateRegion | undefined {
  const lines = code.split('\n');
  const wanted = search.replace(/\n$/, '').split('\n');
  const height = wanted.length;
  const compared = wanted.slice(0, MAX_COMPARED_LINES);
  if (lines.length === 0 || compared.every((line) => line.trim() === '')) return undefined;

  const wantedGrams = compared.map(bigrams);
  const lineGrams = lines.map(bigrams);
  let best = { start: 0, score: -1 };
  for (let start = 0; start + Math.min(height, lines.length) <= lines.length; start += 1) {
    let total = 0;
    compared.forEach((line, offset) => {
      const other = lines[start + offset] ?? '';
      const grams = lineGrams[start + offset] ?? new Map();
      total += dice(wantedGrams[offset] as Map<string, number>, grams, line, other);
    });
    const score = total / compared.length;
    if (score > best.score) best = { start, score };
  }

  const end = Math.min(lines.length, best.start + height);
  return {
    start_line: best.start + 1,
    end_line: end,
    text: lines.slice(best.start, end).join('\n'),
    similarity: Math.round(best.score * 1000) / 1000,
  };
}
