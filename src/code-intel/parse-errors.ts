import type { Node } from 'web-tree-sitter';
import { clip, lineAt, rangeOf, type SourceRange } from './ranges.js';

export interface ParseProblem {
  kind: 'error' | 'missing';
  message: string;
  range: SourceRange;
  /** The source line where the problem starts. */
  snippet: string;
}

const MAX_PROBLEMS = 20;

function problemOf(node: Node, code: string): ParseProblem {
  const missing = node.isMissing;
  return {
    kind: missing ? 'missing' : 'error',
    message: missing ? `missing ${node.type}` : `unexpected ${JSON.stringify(clip(node.text, 40))}`,
    range: rangeOf(node),
    snippet: clip(lineAt(code, node.startIndex), 160),
  };
}

/**
 * ERROR and MISSING nodes in document order. Only subtrees that contain an
 * error are entered, so a clean tree costs one check.
 */
export function findParseErrors(root: Node, code: string): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const visit = (node: Node) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (node.isError || node.isMissing) {
      problems.push(problemOf(node, code));
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) visit(child);
  };
  visit(root);
  return problems;
}
