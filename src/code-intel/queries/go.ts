import type { QuerySet } from './query-set.js';

export const GO_QUERIES: QuerySet = {
  definitions: `
    (function_declaration name: (identifier) @name body: (_) @body) @definition.function
    (method_declaration name: (field_identifier) @name body: (_) @body) @definition.method
    (type_spec
      name: (type_identifier) @name
      type: (struct_type (field_declaration_list) @body)
    ) @definition.struct
    (type_spec name: (type_identifier) @name type: (interface_type) @body) @definition.interface
    (type_spec
      name: (type_identifier) @name
      type: [(type_identifier) (qualified_type) (function_type) (map_type) (slice_type)]
    ) @definition.type
  `,
  imports: '(import_spec) @import',
  references: '[(identifier) (type_identifier) (field_identifier)] @reference',
  lineComment: '//',
};
