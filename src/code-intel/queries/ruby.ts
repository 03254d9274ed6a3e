import type { QuerySet } from './query-set.js';

export const RUBY_QUERIES: QuerySet = {
  definitions: `
    (class name: (_) @name) @definition.class
    (module name: (_) @name) @definition.module
    (method name: (_) @name) @definition.method
    (singleton_method name: (_) @name) @definition.method
  `,
  imports: `
    (call
      method: (identifier) @require
      (#any-of? @require "require" "require_relative" "load")) @import
  `,
  references: '[(identifier) (constant)] @reference',
  lineComment: '#',
};
