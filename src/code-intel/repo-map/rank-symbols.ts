import type { OutlineSymbol } from '../symbols.js';
import { pageRank } from './page-rank.js';
import {
  definersByName,
  flattenSymbols,
  type MappedFile,
  referenceEdges,
  referenceName,
} from './reference-graph.js';

export interface RankedSymbol {
  fileId: string;
  path: string;
  name: string;
  kind: string;
  signature: string;
  line: number;
  rank: number;
  /** Whether any ranked file uses it (else it ranks by its file alone). */
  referenced: boolean;
}

export interface RankOptions {
  /** Rank toward this file: closeness to it rather than overall importance. */
  focusFileId?: string;
}

/** Symbols nobody references still rank, below referenced ones, by their file's rank. */
const UNREFERENCED_SHARE = 1e-3;

/**
 * Ranks every definition: PageRank over the file graph, then each file's
 * rank is shared along its out-edges to the definitions it uses (the
 * scheme aider popularised for repository maps).
 */
export function rankSymbols(files: MappedFile[], options: RankOptions = {}): RankedSymbol[] {
  const definers = definersByName(files);
  const edges = referenceEdges(files, definers);

  const graph = files.map(() => new Map<number, number>());
  for (const edge of edges) {
    const out = graph[edge.from] as Map<number, number>;
    out.set(edge.to, (out.get(edge.to) ?? 0) + edge.weight);
  }
  const focus = files.findIndex((file) => file.id === options.focusFileId);
  const personalization = focus === -1 ? undefined : new Map([[focus, 1]]);
  const fileRank = pageRank(files.length, graph, personalization);

  const outWeight = graph.map((out) => [...out.values()].reduce((a, b) => a + b, 0));
  const symbolRank = new Map<string, number>();
  for (const edge of edges) {
    const share = ((fileRank[edge.from] ?? 0) * edge.weight) / (outWeight[edge.from] || 1);
    const key = `${edge.to}\u0000${edge.name}`;
    symbolRank.set(key, (symbolRank.get(key) ?? 0) + share);
  }

  const ranked: RankedSymbol[] = [];
  files.forEach((file, index) => {
    const symbols = flattenSymbols(file.analysis.symbols);
    const base = ((fileRank[index] ?? 0) * UNREFERENCED_SHARE) / Math.max(1, symbols.length);
    for (const symbol of symbols) {
      const used = symbolRank.get(`${index}\u0000${referenceName(symbol)}`) ?? 0;
      ranked.push({ ...toRanked(file, symbol, used + base), referenced: used > 0 });
    }
  });
  return ranked.sort((a, b) => b.rank - a.rank || a.path.localeCompare(b.path) || a.line - b.line);
}

function toRanked(file: MappedFile, symbol: OutlineSymbol, rank: number) {
  return {
    fileId: file.id,
    path: file.path,
    name: symbol.name,
    kind: symbol.kind,
    signature: symbol.signature,
    line: symbol.range.start.line,
    rank,
  };
}
