import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const BASE: Options = { allErrors: true, removeAdditional: false, useDefaults: true };

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ ...BASE, ...options });
  addFormats.default(ajv);
  return ajv;
}

// Query strings, path parameters and headers arrive as text and need
// coercion (`?limit=5`); JSON bodies are typed already, and coercing them
// would quietly turn `{"path": 5}` into "5" instead of answering 422.
const coercing = makeAjv({ coerceTypes: 'array' });
const strict = makeAjv({ coerceTypes: false });

/** Compiles body schemas strictly and every other part with coercion. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  return ajv.compile(schema);
};

/** A body validator outside HTTP (WebSocket messages), with the same rules as bodies. */
export function compileBodyValidator(schema: object): ValidateFunction {
  return strict.compile(schema);
}
