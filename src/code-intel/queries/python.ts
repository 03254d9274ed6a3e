import type { QuerySet } from './query-set.js';

export const PYTHON_QUERIES: QuerySet = {
  definitions: `
    (class_definition name: (identifier) @name body: (_) @body) @definition.class
    (function_definition name: (identifier) @name body: (_) @body) @definition.function
  `,
  imports: `
    (import_statement) @import
    (import_from_statement) @import
    (future_import_statement) @import
  `,
  references: '(identifier) @reference',
  lineComment: '#',
};
