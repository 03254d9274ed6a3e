import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { writeTinyModel } from '../src/engines/local/tiny-model.js';

/**
 * Writes the tiny model once for the whole run (tests read its path with
 * `inject`) and builds the SDK, which the CLI tests' compiled binary imports.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = fileURLToPath(new URL('../.test-tmp/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const file = `${dir}tiny.gguf`;
  await writeTinyModel(file);
  project.provide('tinyModelPath', file);

  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const sdk = fileURLToPath(new URL('../packages/client/tsconfig.json', import.meta.url));
  execFileSync(process.execPath, [tsc, '-p', sdk]);
}
