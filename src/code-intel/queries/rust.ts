import type { QuerySet } from './query-set.js';

export const RUST_QUERIES: QuerySet = {
  definitions: `
    (function_item name: (identifier) @name body: (_) @body) @definition.function
    (function_signature_item name: (identifier) @name) @definition.function
    (struct_item name: (type_identifier) @name) @definition.struct
    (enum_item name: (type_identifier) @name body: (_) @body) @definition.enum
    (union_item name: (type_identifier) @name body: (_) @body) @definition.struct
    (trait_item name: (type_identifier) @name body: (_) @body) @definition.trait
    (type_item name: (type_identifier) @name) @definition.type
    (mod_item name: (identifier) @name body: (_) @body) @definition.module
    (macro_definition name: (identifier) @name) @definition.macro
    (impl_item type: (_) @name body: (_) @body) @definition.impl
  `,
  imports: '(use_declaration) @import (extern_crate_declaration) @import',
  references: '[(identifier) (type_identifier) (field_identifier)] @reference',
  lineComment: '//',
};
