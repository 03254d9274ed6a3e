/**
 * Tree-sitter queries for one language. Captures follow one convention:
 * `@definition.KIND` on the whole definition with `@name` on its name and,
 * when it has one, `@body` on the body (the signature is the text before
 * it); `@import` on an import; `@reference` on an identifier that may name
 * a symbol defined in another file.
 */
export interface QuerySet {
  definitions: string;
  imports: string;
  references: string;
  /** Starts a line comment, for context placed inside code. */
  lineComment?: string;
}
