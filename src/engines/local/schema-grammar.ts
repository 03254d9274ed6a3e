import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { LlamaGrammar } from 'node-llama-cpp';
import { AppError } from '../../errors/app-error.js';
import type { LlamaRuntime } from './llama-runtime.js';

/** Keywords node-llama-cpp turns into grammar rules (its GbnfJsonSchema). */
const ENFORCED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'enum',
  'const',
  'oneOf',
  'format',
  '$defs',
  '$ref',
]);

/** Keywords that describe rather than constrain, and so may be ignored. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

const LOCAL_REF = /^#\/\$defs\/([^/]+)$/;

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schemas directly inside `schema`, with their JSON pointers. */
function children(schema: Schema, at: string): [Schema, string][] {
  const found: [Schema, string][] = [];
  const add = (value: unknown, where: string) => {
    if (isSchema(value)) found.push([value, where]);
  };
  for (const key of ['properties', '$defs'] as const) {
    const group = schema[key];
    if (isSchema(group))
      for (const [name, s] of Object.entries(group)) add(s, `${at}/${key}/${name}`);
  }
  for (const key of ['prefixItems', 'oneOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const [i, s] of list.entries()) add(s, `${at}/${key}/${i}`);
  }
  add(schema.items, `${at}/items`);
  add(schema.additionalProperties, `${at}/additionalProperties`);
  return found;
}

/**
 * Why the local engine cannot hold its output to `schema`, or undefined
 * when it can. The grammar builder skips keywords it does not know (a
 * `pattern`, a `minimum`) and would let output through that breaks them,
 * so those are refused rather than silently dropped; so are references
 * other than to `#/$defs/NAME`, and choices no value can make.
 */
function unsupportedSchemaPart(root: Schema): string | undefined {
  const defs = isSchema(root.$defs) ? root.$defs : {};
  const pending: [Schema, string][] = [[root, '#']];
  while (pending.length > 0) {
    const [schema, at] = pending.pop() as [Schema, string];
    for (const keyword of Object.keys(schema)) {
      if (!ENFORCED.has(keyword) && !ANNOTATIONS.has(keyword)) {
        return `uses "${keyword}" at ${at}, which the local engine cannot enforce`;
      }
    }
    if (schema.$ref !== undefined) {
      const name = LOCAL_REF.exec(String(schema.$ref))?.[1];
      if (name === undefined || !(name in defs)) {
        const ref = String(schema.$ref);
        return `refers to "${ref}" at ${at}; only #/$defs/NAME of the root is supported`;
      }
    }
    for (const key of ['enum', 'oneOf'] as const) {
      const list = schema[key];
      if (Array.isArray(list) && list.length === 0) return `has an empty "${key}" at ${at}`;
    }
    pending.push(...children(schema, at));
  }
  return undefined;
}

/**
 * A validator for answers under `schema`, or the reason the schema itself
 * is not a valid JSON schema (an unknown type name, say). An Ajv of its
 * own each time: Ajv keeps every schema it compiled, and two schemas from
 * different clients may claim the same `$id`.
 */
function compileAnswerCheck(schema: Schema): ValidateFunction | string {
  try {
    return new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
  } catch (err) {
    return `is not a valid JSON schema: ${(err as Error).message}`;
  }
}

/** A client's schema as the local engine enforces it: a grammar, and a check of the answer. */
export interface SchemaGrammar {
  grammar: LlamaGrammar;
  check: ValidateFunction;
}

function unsupported(message: string, cause?: unknown): AppError {
  return new AppError('unsupported_json_schema', `The JSON schema ${message}`, {
    errors: [{ field: 'body.response_format.json_schema.schema', message }],
    cause,
  });
}

/**
 * The grammar for `schema`, after refusing (422) what it could not
 * enforce. The schema came from the client: no retry can make it work.
 */
export async function buildSchemaGrammar(
  runtime: LlamaRuntime,
  schema: Schema,
): Promise<SchemaGrammar> {
  const part = unsupportedSchemaPart(schema);
  if (part !== undefined) throw unsupported(part);
  const check = compileAnswerCheck(schema);
  if (typeof check === 'string') throw unsupported(check);

  try {
    const grammar = await runtime.llama.createGrammarForJsonSchema(schema as never);
    return { grammar, check };
  } catch (err) {
    throw unsupported(`is not supported by the local engine: ${(err as Error).message}`, err);
  }
}
