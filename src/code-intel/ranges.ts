import type { Node } from 'web-tree-sitter';

/** A 1-based line and column, as cursors are given elsewhere in the API. */
export interface Position {
  line: number;
  column: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

export function rangeOf(node: Node): SourceRange {
  return {
    start: { line: node.startPosition.row + 1, column: node.startPosition.column + 1 },
    end: { line: node.endPosition.row + 1, column: node.endPosition.column + 1 },
  };
}

/** The text of the line holding an offset, without its line break. */
export function lineAt(code: string, offset: number): string {
  const start = code.lastIndexOf('\n', offset - 1) + 1;
  const end = code.indexOf('\n', offset);
  return code.slice(start, end === -1 ? code.length : end).replace(/\r$/, '');
}

/** Collapses whitespace and caps length, for one-line summaries of code. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
