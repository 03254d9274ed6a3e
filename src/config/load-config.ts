import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Value } from 'typebox/value';
import { ConfigError } from './config-error.js';
import { type Config, type ConfigInput, ConfigSchema } from './schema.js';
import { resolveSecretKey } from './secret-key.js';

const ENV_PREFIX = 'ATELIER_';

export function envNameOf(key: string): string {
  return ENV_PREFIX + key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

function keyOfEnv(name: string): string {
  return name
    .slice(ENV_PREFIX.length)
    .toLowerCase()
    .replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function readEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const known = new Set(Object.keys(ConfigSchema.properties));
  const out: Record<string, unknown> = {};

  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || raw === undefined || name === 'ATELIER_CONFIG_FILE') {
      continue;
    }
    const key = keyOfEnv(name);
    if (!known.has(key)) {
      throw new ConfigError(`${name}: unknown setting (misspelled?); see the README's table`);
    }
    out[key] = key === 'corsOrigins' ? splitList(raw) : parseScalar(name, key, raw);
  }
  return out;
}

const DECIMAL_INTEGER = /^-?\d+$/;
const BOOLEANS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

/**
 * Environment values are text. Integers and booleans are read strictly here:
 * left to generic conversion, `9101.5` or `0x2391` would become a port.
 */
function parseScalar(name: string, key: string, raw: string): unknown {
  const type = (ConfigSchema.properties as Record<string, { type?: string }>)[key]?.type;
  if (type === 'integer') {
    if (!DECIMAL_INTEGER.test(raw.trim())) {
      throw new ConfigError(`${name}: must be a whole number in decimal (got "${raw}")`);
    }
    return Number(raw);
  }
  if (type === 'boolean') {
    const value = BOOLEANS[raw.trim().toLowerCase()];
    if (value === undefined) throw new ConfigError(`${name}: must be true or false (got "${raw}")`);
    return value;
  }
  return raw;
}

/** The allowed values of an enumerated setting, for the error message. */
function allowedValues(key: string): string {
  const schema = (ConfigSchema.properties as Record<string, { enum?: unknown[] }>)[key];
  return schema?.enum ? ` (one of: ${schema.enum.join(', ')})` : '';
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`ATELIER_CONFIG_FILE: cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('expected a JSON object');
    }
    return parsed as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError(`ATELIER_CONFIG_FILE: ${file} is not valid: ${(err as Error).message}`);
  }
}

function validate(input: Record<string, unknown>): ConfigInput {
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, input));
  const first = [...Value.Errors(ConfigSchema, converted)][0];
  if (first) {
    const key = first.instancePath.split('/')[1] ?? '';
    if (key && !(key in ConfigSchema.properties)) {
      throw new ConfigError(`unknown setting "${key}" in ATELIER_CONFIG_FILE`);
    }
    const setting = key ? envNameOf(key) : 'configuration';
    throw new ConfigError(`${setting}: ${first.message}${key ? allowedValues(key) : ''}`);
  }
  return converted as ConfigInput;
}

/**
 * Reads settings from the optional JSON file named by ATELIER_CONFIG_FILE,
 * then the environment (which wins), then `overrides` (command-line flags).
 * The result is validated once and frozen.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ConfigInput> = {},
): Config {
  const fromFile = env.ATELIER_CONFIG_FILE ? readConfigFile(env.ATELIER_CONFIG_FILE) : {};
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const input = validate({ ...fromFile, ...readEnv(env), ...defined });

  const dataDir = path.resolve(input.dataDir);
  const config: Config = {
    ...input,
    dataDir,
    secretKey: resolveSecretKey(input.secretKey, dataDir),
    databaseUrl: input.databaseUrl ?? `sqlite://${path.join(dataDir, 'atelier.db')}`,
    modelCacheDir: path.resolve(input.modelCacheDir ?? path.join(dataDir, 'models')),
    engineThreads: input.engineThreads ?? Math.max(1, availableParallelism()),
    corsOrigins: Object.freeze([...input.corsOrigins]) as string[],
  };
  return Object.freeze(config);
}
