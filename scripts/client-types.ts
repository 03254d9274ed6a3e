import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';

/** Where the SDK keeps the types generated from the server's document. */
export const CLIENT_TYPES_FILE = path.resolve('packages/client/src/generated/openapi.ts');

const HEADER = [
  "// Generated from the server's OpenAPI document by `npm run client:types`;",
  '// a test fails when it differs from what the current server produces.',
  '',
  '',
].join('\n');

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The server fills defaults in before validating, so its schemas list
 * defaulted fields as required; a client may leave them out.
 */
function relaxDefaults(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) relaxDefaults(item);
    return;
  }
  if (!isObject(node)) return;

  const properties = node.properties;
  if (isObject(properties) && Array.isArray(node.required)) {
    node.required = node.required.filter((name) => {
      const property = properties[name];
      return !(isObject(property) && 'default' in property);
    });
  }
  if (node.in !== undefined && isObject(node.schema) && 'default' in node.schema) {
    node.required = false;
  }
  for (const value of Object.values(node)) relaxDefaults(value);
}

/** Only request bodies and parameters: answers always carry their defaults. */
function relaxRequests(document: OpenAPI3): OpenAPI3 {
  const copy = structuredClone(document);
  for (const item of Object.values(copy.paths ?? {})) {
    for (const operation of Object.values(item as Json)) {
      if (!isObject(operation)) continue;
      relaxDefaults(operation.parameters);
      relaxDefaults(operation.requestBody);
    }
  }
  return copy;
}

/** The server's current OpenAPI document, from the app built in-process. */
export async function currentOpenApiDocument(): Promise<OpenAPI3> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-openapi-'));
  // Defaults only, so that the document does not depend on who generates it.
  const config = loadConfig({
    ATELIER_DATA_DIR: dataDir,
    ATELIER_LOG_LEVEL: 'silent',
    ATELIER_MODEL_DOWNLOAD: 'false',
    ATELIER_MODEL: path.join(dataDir, 'no-model.gguf'),
  });
  const app = await buildApp({ config });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The text of the generated types file for the current server. */
export async function renderClientTypes(): Promise<string> {
  const document = relaxRequests(await currentOpenApiDocument());
  const nodes = await openapiTS(document, { alphabetize: false });
  return HEADER + astToString(nodes);
}
