import type { Db } from '../db/database.js';
import type { FileScope } from '../repositories/files.js';
import { analyzeFile, type VersionedSource } from './analysis-cache.js';
import { loadMappedFiles } from './repo-map/build-repo-map.js';
import { type RankedSymbol, rankSymbols } from './repo-map/rank-symbols.js';
import { renderMap } from './repo-map/render-map.js';
import type { OutlineSymbol } from './symbols.js';
import type { TokenCounter } from './token-counter.js';

/** What a prompt learns about a stored file beyond its own text. */
export interface FileContext {
  /** Starts with a `Context:` line saying what is included. */
  text: string;
  tokens: number;
  related: string[];
}

export interface ContextFile extends VersionedSource {
  path: string;
}

const MAX_RELATED = 200;

function outlineLines(symbols: OutlineSymbol[], depth = 0, into: string[] = []): string[] {
  for (const symbol of symbols) {
    const text = symbol.signature || `${symbol.kind} ${symbol.name}`;
    into.push(`${'  '.repeat(depth + 1)}${symbol.range.start.line}: ${text}`);
    outlineLines(symbol.children, depth + 1, into);
  }
  return into;
}

function compose(path: string, outline: string[], related: RankedSymbol[]): string {
  const paths = [...new Set(related.map((entry) => entry.path))];
  const parts = [
    outline.length > 0 && `outline of ${path}`,
    paths.length > 0 && `related symbols from ${paths.join(', ')}`,
  ].filter(Boolean);
  const sections = [`Context: ${parts.join('; ')}`];
  if (outline.length > 0) sections.push(`Outline of ${path}:\n${outline.join('\n')}`);
  if (related.length > 0) sections.push(`Related symbols:\n${renderMap([...related])}`);
  return sections.join('\n');
}

/** The largest n in [0, max] for which `fits(n)`, assuming it holds for all smaller n. */
async function largestFitting(max: number, fits: (n: number) => Promise<boolean>) {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (await fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The outline of a file and the symbols of other files most related to it
 * (a repository map ranked toward it), within `budget` tokens: the outline
 * takes at most half, related symbols the rest. Undefined when nothing fits.
 */
export async function buildFileContext(
  db: Db,
  scope: FileScope,
  file: ContextFile,
  budget: number,
  counter: TokenCounter,
): Promise<FileContext | undefined> {
  if (budget <= 0) return undefined;
  const outline = outlineLines((await analyzeFile(file)).symbols);
  const ranked = rankSymbols(await loadMappedFiles(db, scope), { focusFileId: file.id })
    .filter((entry) => entry.referenced && entry.fileId !== file.id)
    .slice(0, MAX_RELATED);

  const tokensOf = (o: number, r: number) =>
    counter.count(compose(file.path, outline.slice(0, o), ranked.slice(0, r)));
  const outlineCount = await largestFitting(
    outline.length,
    async (n) => (await tokensOf(n, 0)) <= (ranked.length > 0 ? budget / 2 : budget),
  );
  const relatedCount = await largestFitting(
    ranked.length,
    async (n) => (await tokensOf(outlineCount, n)) <= budget,
  );
  if (outlineCount === 0 && relatedCount === 0) return undefined;

  const related = ranked.slice(0, relatedCount);
  const text = compose(file.path, outline.slice(0, outlineCount), related);
  return {
    text,
    tokens: await counter.count(text),
    related: [...new Set(related.map((entry) => entry.path))],
  };
}
