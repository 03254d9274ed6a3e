import type { QuerySet } from './query-set.js';

/** Shared by JavaScript, TypeScript and TSX, whose grammars agree on these nodes. */
export const SCRIPT_DEFINITIONS = `
  (function_declaration name: (identifier) @name body: (_) @body) @definition.function
  (generator_function_declaration name: (identifier) @name body: (_) @body) @definition.function
  (class_declaration name: (_) @name body: (_) @body) @definition.class
  (method_definition name: (_) @name body: (_) @body) @definition.method
  (lexical_declaration
    (variable_declarator
      name: (identifier) @name
      value: [(arrow_function body: (_) @body) (function_expression body: (_) @body)])
  ) @definition.function
`;

export const SCRIPT_IMPORTS = `
  (import_statement) @import
  (call_expression
    function: (identifier) @require
    arguments: (arguments (string))
    (#eq? @require "require")) @import
`;

export const TYPESCRIPT_QUERIES: QuerySet = {
  definitions: `${SCRIPT_DEFINITIONS}
    (abstract_class_declaration name: (_) @name body: (_) @body) @definition.class
    (interface_declaration name: (_) @name body: (_) @body) @definition.interface
    (enum_declaration name: (_) @name body: (_) @body) @definition.enum
    (type_alias_declaration name: (_) @name) @definition.type
    (function_signature name: (identifier) @name) @definition.function
    (abstract_method_signature name: (_) @name) @definition.method
    (internal_module name: (_) @name body: (_) @body) @definition.module
  `,
  imports: SCRIPT_IMPORTS,
  references: '[(identifier) (type_identifier) (property_identifier)] @reference',
  lineComment: '//',
};

export const JAVASCRIPT_QUERIES: QuerySet = {
  definitions: SCRIPT_DEFINITIONS,
  imports: SCRIPT_IMPORTS,
  references: '[(identifier) (property_identifier)] @reference',
  lineComment: '//',
};
