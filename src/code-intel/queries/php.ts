import type { QuerySet } from './query-set.js';

export const PHP_QUERIES: QuerySet = {
  definitions: `
    (function_definition name: (name) @name body: (_) @body) @definition.function
    (class_declaration name: (name) @name body: (_) @body) @definition.class
    (interface_declaration name: (name) @name body: (_) @body) @definition.interface
    (trait_declaration name: (name) @name body: (_) @body) @definition.trait
    (enum_declaration name: (name) @name body: (_) @body) @definition.enum
    (method_declaration name: (name) @name body: (_) @body) @definition.method
    (method_declaration name: (name) @name !body) @definition.method
  `,
  imports: `
    (namespace_use_declaration) @import
    (expression_statement
      [(require_expression) (require_once_expression)
       (include_expression) (include_once_expression)]) @import
  `,
  references: '(name) @reference',
  lineComment: '//',
};
