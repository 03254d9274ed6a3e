import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
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

function nonFiniteFields(data: unknown): ErrorObject[] {
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data)
    .filter(([, value]) => typeof value === 'number' && !Number.isFinite(value))
    .map(([key]) => ({
      instancePath: `/${key}`,
      schemaPath: '#/type',
      keyword: 'type',
      params: {},
      message: 'must be a finite number',
    }));
}

/**
 * Ajv coerces `?limit=1e400` to Infinity and then skips `maximum`; such a
 * value would reach the database as a type error, so it is refused here.
 */
function refusingNonFinite(validate: ValidateFunction) {
  const wrapped = (data: unknown) => {
    const valid = validate(data);
    const extra = nonFiniteFields(data);
    wrapped.errors = [...(validate.errors ?? []), ...extra];
    return valid && extra.length === 0;
  };
  wrapped.errors = [] as ErrorObject[];
  return wrapped;
}

/** Compiles body schemas strictly and every other part with coercion. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  if (httpPart === 'body') return strict.compile(schema);
  return refusingNonFinite(coercing.compile(schema));
};

/** A body validator outside HTTP (WebSocket messages), with the same rules as bodies. */
export function compileBodyValidator(schema: object): ValidateFunction {
  return strict.compile(schema);
}
