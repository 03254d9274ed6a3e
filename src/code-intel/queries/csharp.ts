import type { QuerySet } from './query-set.js';

export const CSHARP_QUERIES: QuerySet = {
  definitions: `
    (class_declaration name: (identifier) @name body: (_) @body) @definition.class
    (struct_declaration name: (identifier) @name body: (_) @body) @definition.struct
    (record_declaration name: (identifier) @name) @definition.class
    (interface_declaration name: (identifier) @name body: (_) @body) @definition.interface
    (enum_declaration name: (identifier) @name body: (_) @body) @definition.enum
    (method_declaration name: (identifier) @name body: (_) @body) @definition.method
    (method_declaration name: (identifier) @name !body) @definition.method
    (constructor_declaration name: (identifier) @name body: (_) @body) @definition.method
    (namespace_declaration name: (_) @name body: (_) @body) @definition.module
  `,
  imports: '(using_directive) @import',
  references: '(identifier) @reference',
  lineComment: '//',
};
