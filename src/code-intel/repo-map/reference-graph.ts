import type { FileAnalysis } from '../analyze.js';
import type { OutlineSymbol } from '../symbols.js';

export interface MappedFile {
  id: string;
  path: string;
  analysis: FileAnalysis;
}

/** A reference from one file to a name another file defines. */
export interface ReferenceEdge {
  from: number;
  to: number;
  name: string;
  weight: number;
}

/** Names defined in many files (`get`, `run`, `init`) say little about any one of them. */
const COMMON_DEFINITION = 5;

/** The name a reference would use: the last part of `Class::method` or `a.b`. */
export function referenceName(symbol: OutlineSymbol): string {
  return symbol.name.split(/::|\.|->/).at(-1) ?? symbol.name;
}

export function flattenSymbols(symbols: OutlineSymbol[], into: OutlineSymbol[] = []) {
  for (const symbol of symbols) {
    into.push(symbol);
    flattenSymbols(symbol.children, into);
  }
  return into;
}

/** Which files define each name. */
export function definersByName(files: MappedFile[]): Map<string, Set<number>> {
  const definers = new Map<string, Set<number>>();
  files.forEach((file, index) => {
    for (const symbol of flattenSymbols(file.analysis.symbols)) {
      const name = referenceName(symbol);
      const set = definers.get(name) ?? new Set<number>();
      set.add(index);
      definers.set(name, set);
    }
  });
  return definers;
}

/**
 * Edges from each file to the files defining the names it uses. Repeated
 * uses count with a square root so one busy file does not drown the rest;
 * private-looking and very common names count a tenth.
 */
export function referenceEdges(
  files: MappedFile[],
  definers: Map<string, Set<number>>,
): ReferenceEdge[] {
  const edges: ReferenceEdge[] = [];
  files.forEach((file, from) => {
    for (const [name, count] of file.analysis.references) {
      const targets = definers.get(name);
      if (!targets) continue;
      let factor = name.startsWith('_') ? 0.1 : 1;
      if (targets.size > COMMON_DEFINITION) factor *= 0.1;
      for (const to of targets) {
        if (to !== from) edges.push({ from, to, name, weight: factor * Math.sqrt(count) });
      }
    }
  });
  return edges;
}
