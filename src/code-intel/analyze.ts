import { findParseErrors, type ParseProblem } from './parse-errors.js';
import { grammarOf, parseWithin } from './parser.js';
import {
  countReferences,
  extractImports,
  extractSymbols,
  type OutlineImport,
  type OutlineSymbol,
} from './symbols.js';

/** What tree-sitter makes of one file; `parsed: false` means plain text. */
export interface FileAnalysis {
  language: string;
  parsed: boolean;
  symbols: OutlineSymbol[];
  imports: OutlineImport[];
  errors: ParseProblem[];
  references: Map<string, number>;
}

function plainText(language: string): FileAnalysis {
  return { language, parsed: false, symbols: [], imports: [], errors: [], references: new Map() };
}

/**
 * Parses code in a supported language. Unsupported languages, inputs over
 * the size bound and parses over the time bound come back as plain text.
 */
export async function analyzeCode(language: string, code: string): Promise<FileAnalysis> {
  const grammar = await grammarOf(language);
  if (!grammar) return plainText(language);
  const tree = parseWithin(grammar, code);
  if (!tree) return plainText(language);

  try {
    const root = tree.rootNode;
    return {
      language,
      parsed: true,
      symbols: extractSymbols(grammar, root, code),
      imports: extractImports(grammar, root),
      errors: findParseErrors(root, code),
      references: countReferences(grammar, root),
    };
  } finally {
    tree.delete();
  }
}

/** Only the parse errors, for the syntax check before an edit. */
export async function parseErrorsOf(
  language: string,
  code: string,
): Promise<ParseProblem[] | undefined> {
  const grammar = await grammarOf(language);
  if (!grammar) return undefined;
  const tree = parseWithin(grammar, code);
  if (!tree) return undefined;
  try {
    return findParseErrors(tree.rootNode, code);
  } finally {
    tree.delete();
  }
}
