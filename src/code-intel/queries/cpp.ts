import type { QuerySet } from './query-set.js';

/** C++, and C through the same grammar (C is close to a subset of it). */
export const CPP_QUERIES: QuerySet = {
  definitions: `
    (function_definition
      declarator: (function_declarator declarator: (_) @name)
      body: (_) @body) @definition.function
    (function_definition
      declarator: (_ (function_declarator declarator: (_) @name))
      body: (_) @body) @definition.function
    (class_specifier name: (_) @name body: (_) @body) @definition.class
    (struct_specifier name: (_) @name body: (_) @body) @definition.struct
    (union_specifier name: (_) @name body: (_) @body) @definition.struct
    (enum_specifier name: (_) @name body: (_) @body) @definition.enum
    (namespace_definition name: (_) @name body: (_) @body) @definition.module
    (field_declaration_list
      (declaration declarator: (function_declarator declarator: (_) @name))
      @definition.method)
    (field_declaration_list
      (field_declaration declarator: (function_declarator declarator: (_) @name))
      @definition.method)
    (type_definition declarator: (type_identifier) @name) @definition.type
  `,
  imports: '(preproc_include) @import (using_declaration) @import',
  references:
    '[(identifier) (type_identifier) (field_identifier) (namespace_identifier)] @reference',
  lineComment: '//',
};
