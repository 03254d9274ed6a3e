import type { Node } from 'web-tree-sitter';
import { analyzeCode, type FileAnalysis } from './analyze.js';
import { grammarOf, parseWithin } from './parser.js';
import type { OutlineSymbol } from './symbols.js';

/** Loop node kinds of the grammars: branches and nesting alike. */
const LOOPS = [
  'for_statement',
  'for_in_statement',
  'for_of_statement',
  'enhanced_for_statement',
  'foreach_statement',
  'for_expression',
  'for',
  'while_statement',
  'while_expression',
  'while',
  'until',
  'do_statement',
  'loop_expression',
];

/**
 * Node types that add a path through the code, across the shipped
 * grammars: branches, loops, cases, handlers and conditional expressions.
 * Counting them gives a cyclomatic-style figure (McCabe, 1976) per function.
 */
const BRANCHES = new Set([
  'if_statement',
  'if_expression',
  'if_let_expression',
  'elif_clause',
  'else_if_clause',
  'if',
  'elsif',
  'unless',
  ...LOOPS,
  'switch_case',
  'case_clause',
  'switch_label',
  'switch_section',
  'expression_case',
  'type_case',
  'match_arm',
  'case_statement',
  'when',
  'catch_clause',
  'except_clause',
  'rescue',
  'conditional_expression',
  'ternary_expression',
]);

/** Blocks that nest code inside them, for the nesting-depth figure. */
const NESTING = new Set([
  'if_statement',
  'if_expression',
  'if_let_expression',
  'if',
  'unless',
  ...LOOPS,
  'switch_statement',
  'switch_expression',
  'match_expression',
  'match_statement',
  'case',
  'try_statement',
  'begin',
  'with_statement',
]);

const BOOLEAN_OPERATORS = new Set(['&&', '||', 'and', 'or', '??']);
const FUNCTION_KINDS = new Set(['function', 'method']);

/** One decision or nesting block, found while walking the tree. */
interface Mark {
  line: number;
  depth: number;
  branch: boolean;
  nesting: boolean;
}

export interface FunctionMetrics {
  name: string;
  kind: string;
  start_line: number;
  end_line: number;
  lines: number;
  complexity: number;
  max_nesting: number;
}

export interface CodeMetrics {
  parsed: boolean;
  lines: number;
  bytes: number;
  symbols: OutlineSymbol[];
  symbol_count: number;
  max_nesting: number;
  functions: FunctionMetrics[];
}

// Keyword tokens share their names with some grammars' nodes (Ruby's `if`):
// only named nodes count.
function isBranch(node: Node): boolean {
  if (!node.isNamed) return false;
  if (BRANCHES.has(node.type)) return true;
  if (node.type !== 'binary_expression' && node.type !== 'boolean_operator') return false;
  const operator = node.childForFieldName('operator')?.type;
  return operator !== undefined && BOOLEAN_OPERATORS.has(operator);
}

/** An `else if` continues its chain rather than nesting one level deeper. */
function isNesting(node: Node): boolean {
  if (!node.isNamed || !NESTING.has(node.type)) return false;
  return node.parent?.type !== 'else_clause';
}

/** Walks every node once with a cursor, keeping the nesting depth. */
function collectMarks(root: Node): Mark[] {
  const marks: Mark[] = [];
  const cursor = root.walk();
  const depths: number[] = [0];
  for (;;) {
    const node = cursor.currentNode;
    const outer = depths.at(-1) as number;
    const nesting = isNesting(node);
    const branch = isBranch(node);
    if (nesting || branch) {
      const depth = nesting ? outer + 1 : outer;
      marks.push({ line: node.startPosition.row + 1, depth, branch, nesting });
    }
    if (cursor.gotoFirstChild()) {
      depths.push(nesting ? outer + 1 : outer);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return marks;
      }
      depths.pop();
    }
  }
}

function flatten(symbols: OutlineSymbol[]): OutlineSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

/** Figures for one function; nested functions count toward their parent too. */
function functionMetrics(symbol: OutlineSymbol, marks: Mark[]): FunctionMetrics {
  const start = symbol.range.start.line;
  const end = symbol.range.end.line;
  const inside = marks.filter((m) => m.line >= start && m.line <= end);
  const nestingDepths = inside.filter((m) => m.nesting).map((m) => m.depth);
  const base = nestingDepths.length > 0 ? Math.min(...nestingDepths) - 1 : 0;
  return {
    name: symbol.name,
    kind: symbol.kind,
    start_line: start,
    end_line: end,
    lines: end - start + 1,
    complexity: 1 + inside.filter((m) => m.branch).length,
    max_nesting: nestingDepths.length > 0 ? Math.max(...nestingDepths) - base : 0,
  };
}

function lineCount(code: string): number {
  if (code.length === 0) return 0;
  return code.split('\n').length - (code.endsWith('\n') ? 1 : 0);
}

/**
 * Size, symbols, nesting depth and per-function complexity of one file,
 * from its tree-sitter parse. Languages without a grammar get size only.
 */
export async function measureCode(language: string, code: string): Promise<CodeMetrics> {
  const size = { lines: lineCount(code), bytes: Buffer.byteLength(code) };
  const analysis: FileAnalysis = await analyzeCode(language, code);
  const grammar = analysis.parsed ? await grammarOf(language) : undefined;
  const tree = grammar && parseWithin(grammar, code);
  if (!tree) {
    return { parsed: false, ...size, symbols: [], symbol_count: 0, max_nesting: 0, functions: [] };
  }

  try {
    const marks = collectMarks(tree.rootNode);
    const all = flatten(analysis.symbols);
    const functions = all
      .filter((s) => FUNCTION_KINDS.has(s.kind))
      .map((s) => functionMetrics(s, marks));
    const maxNesting = Math.max(0, ...marks.filter((m) => m.nesting).map((m) => m.depth));
    return {
      parsed: true,
      ...size,
      symbols: analysis.symbols,
      symbol_count: all.length,
      max_nesting: maxNesting,
      functions,
    };
  } finally {
    tree.delete();
  }
}
