import { createRequire } from 'node:module';
import { Language, Parser, Query, type Tree } from 'web-tree-sitter';
import { type GrammarSpec, grammarFor } from './grammars.js';

/** Larger inputs are treated as plain text rather than parsed. */
export const MAX_PARSE_BYTES = 2 * 1024 * 1024;
/**
 * A parse that takes longer is abandoned (pathological input, such as
 * 300,000 nested brackets) and the file is treated as plain text. Parses
 * run on the event loop, so this bounds how long one file can hold it;
 * real source files of 1,000 lines parse in a few milliseconds.
 */
export const PARSE_TIME_LIMIT_MS = 300;

const require = createRequire(import.meta.url);

/** A loaded grammar with a parser and its compiled queries, made once. */
export interface LoadedGrammar {
  parser: Parser;
  definitions: Query;
  imports: Query;
  references: Query;
  spec: GrammarSpec;
}

let runtime: Promise<void> | undefined;
const loaded = new Map<string, Promise<LoadedGrammar>>();

// Both wasm files are resolved inside node_modules, so nothing is fetched.
function initRuntime(): Promise<void> {
  runtime ??= Parser.init({
    locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  });
  return runtime;
}

async function loadGrammar(spec: GrammarSpec): Promise<LoadedGrammar> {
  await initRuntime();
  const file = require.resolve(`@vscode/tree-sitter-wasm/wasm/tree-sitter-${spec.wasm}.wasm`);
  const language = await Language.load(file);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parser,
    definitions: new Query(language, spec.queries.definitions),
    imports: new Query(language, spec.queries.imports),
    references: new Query(language, spec.queries.references),
    spec,
  };
}

/** The grammar for a language, loaded on first use; undefined for plain text. */
export function grammarOf(language: string): Promise<LoadedGrammar> | undefined {
  const spec = grammarFor(language);
  if (!spec) return undefined;
  let grammar = loaded.get(spec.wasm);
  if (!grammar) {
    grammar = loadGrammar(spec);
    // A failed load is not cached, so a later request may retry it.
    grammar.catch(() => loaded.delete(spec.wasm));
    loaded.set(spec.wasm, grammar);
  }
  return grammar;
}

/**
 * Parses within the size and time bounds; undefined when the input is too
 * large or the parse ran out of time. The caller deletes the tree.
 */
export function parseWithin(grammar: LoadedGrammar, code: string): Tree | undefined {
  if (Buffer.byteLength(code) > MAX_PARSE_BYTES) return undefined;
  const deadline = performance.now() + PARSE_TIME_LIMIT_MS;
  grammar.parser.reset();
  const tree = grammar.parser.parse(code, null, {
    progressCallback: () => performance.now() > deadline,
  });
  return tree ?? undefined;
}
