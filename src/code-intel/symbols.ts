import type { Node, QueryMatch } from 'web-tree-sitter';
import type { LoadedGrammar } from './parser.js';
import { clip, rangeOf, type SourceRange } from './ranges.js';

export interface OutlineSymbol {
  name: string;
  kind: string;
  range: SourceRange;
  /** The definition up to its body: the line a reader scans for. */
  signature: string;
  children: OutlineSymbol[];
}

export interface OutlineImport {
  text: string;
  range: SourceRange;
}

const MAX_SIGNATURE = 240;
const MAX_SIGNATURE_LINES = 3;
const CONTAINERS = new Set(['class', 'interface', 'struct', 'trait', 'impl', 'enum']);

interface FlatSymbol extends OutlineSymbol {
  startIndex: number;
  endIndex: number;
}

// Attributes and decorators come before a definition but are not its signature.
const PREAMBLE = new Set(['attribute_list', 'attribute', 'decorator', 'comment']);

function signatureOf(code: string, def: Node, body: Node | undefined): string {
  const first = def.children.find((child) => !PREAMBLE.has(child.type));
  const start = first?.startIndex ?? def.startIndex;
  const end = body && body.startIndex > start ? body.startIndex : def.endIndex;
  const lines = code.slice(start, end).split('\n').slice(0, MAX_SIGNATURE_LINES);
  const head = body ? lines : linesUntilBalanced(lines);
  return clip(head.join('\n'), MAX_SIGNATURE).replace(/\s*[{;]$/, '');
}

/** Without a body, the first line, continued while a parenthesis is open. */
function linesUntilBalanced(lines: string[]): string[] {
  let depth = 0;
  for (const [index, line] of lines.entries()) {
    for (const char of line) {
      if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
    }
    if (depth <= 0) return lines.slice(0, index + 1);
  }
  return lines;
}

function symbolOf(code: string, match: QueryMatch): FlatSymbol | undefined {
  const def = match.captures.find((c) => c.name.startsWith('definition.'));
  const name = match.captures.find((c) => c.name === 'name');
  if (!def || !name) return undefined;
  const body = match.captures.find((c) => c.name === 'body')?.node;
  return {
    name: clip(name.node.text, 120),
    kind: def.name.slice('definition.'.length),
    range: rangeOf(def.node),
    signature: signatureOf(code, def.node, body),
    children: [],
    startIndex: def.node.startIndex,
    endIndex: def.node.endIndex,
  };
}

/** Nests symbols by containment; a function directly inside a type is a method. */
function nest(flat: FlatSymbol[]): OutlineSymbol[] {
  flat.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const roots: OutlineSymbol[] = [];
  const stack: FlatSymbol[] = [];
  for (const symbol of flat) {
    while (stack.length > 0 && (stack.at(-1) as FlatSymbol).endIndex < symbol.endIndex) {
      stack.pop();
    }
    const parent = stack.at(-1);
    if (parent && symbol.kind === 'function' && CONTAINERS.has(parent.kind)) {
      symbol.kind = 'method';
    }
    (parent ? parent.children : roots).push(symbol);
    stack.push(symbol);
  }
  return roots.map(strip);
}

function strip(symbol: OutlineSymbol): OutlineSymbol {
  const { name, kind, range, signature, children } = symbol;
  return { name, kind, range, signature, children: children.map(strip) };
}

export function extractSymbols(grammar: LoadedGrammar, root: Node, code: string) {
  const seen = new Set<string>();
  const flat: FlatSymbol[] = [];
  for (const match of grammar.definitions.matches(root)) {
    const symbol = symbolOf(code, match);
    const key = symbol && `${symbol.startIndex}:${symbol.endIndex}`;
    if (!symbol || !key || seen.has(key)) continue;
    seen.add(key);
    flat.push(symbol);
  }
  return nest(flat);
}

export function extractImports(grammar: LoadedGrammar, root: Node): OutlineImport[] {
  const seen = new Set<number>();
  const imports: OutlineImport[] = [];
  for (const capture of grammar.imports.captures(root)) {
    if (capture.name !== 'import' || seen.has(capture.node.startIndex)) continue;
    seen.add(capture.node.startIndex);
    imports.push({ text: clip(capture.node.text, MAX_SIGNATURE), range: rangeOf(capture.node) });
  }
  return imports.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** How often each identifier occurs, for ranking files by what they use. */
export function countReferences(grammar: LoadedGrammar, root: Node): Map<string, number> {
  const counts = new Map<string, number>();
  for (const capture of grammar.references.captures(root)) {
    const name = capture.node.text;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
