import { CPP_QUERIES } from './queries/cpp.js';
import { CSHARP_QUERIES } from './queries/csharp.js';
import { GO_QUERIES } from './queries/go.js';
import { JAVA_QUERIES } from './queries/java.js';
import { PHP_QUERIES } from './queries/php.js';
import { PYTHON_QUERIES } from './queries/python.js';
import type { QuerySet } from './queries/query-set.js';
import { RUBY_QUERIES } from './queries/ruby.js';
import { RUST_QUERIES } from './queries/rust.js';
import { JAVASCRIPT_QUERIES, TYPESCRIPT_QUERIES } from './queries/typescript.js';

/** A grammar shipped in @vscode/tree-sitter-wasm and the queries run on its trees. */
export interface GrammarSpec {
  /** The `tree-sitter-NAME.wasm` file's NAME. */
  wasm: string;
  queries: QuerySet;
}

const GRAMMARS = new Map<string, GrammarSpec>([
  ['python', { wasm: 'python', queries: PYTHON_QUERIES }],
  ['typescript', { wasm: 'typescript', queries: TYPESCRIPT_QUERIES }],
  ['tsx', { wasm: 'tsx', queries: TYPESCRIPT_QUERIES }],
  // The JavaScript grammar parses JSX too.
  ['javascript', { wasm: 'javascript', queries: JAVASCRIPT_QUERIES }],
  ['jsx', { wasm: 'javascript', queries: JAVASCRIPT_QUERIES }],
  ['go', { wasm: 'go', queries: GO_QUERIES }],
  ['rust', { wasm: 'rust', queries: RUST_QUERIES }],
  ['java', { wasm: 'java', queries: JAVA_QUERIES }],
  ['cpp', { wasm: 'cpp', queries: CPP_QUERIES }],
  // No C grammar ships in the package; C parses well enough as C++.
  ['c', { wasm: 'cpp', queries: CPP_QUERIES }],
  ['ruby', { wasm: 'ruby', queries: RUBY_QUERIES }],
  ['php', { wasm: 'php', queries: PHP_QUERIES }],
  ['csharp', { wasm: 'c-sharp', queries: CSHARP_QUERIES }],
]);

/** The grammar for a stored language id; undefined means plain text. */
export function grammarFor(language: string): GrammarSpec | undefined {
  return GRAMMARS.get(language);
}

export function supportedLanguages(): string[] {
  return [...GRAMMARS.keys()];
}

/** The line-comment marker of a language with a grammar. */
export function lineCommentFor(language: string): string | undefined {
  return GRAMMARS.get(language)?.queries.lineComment;
}
