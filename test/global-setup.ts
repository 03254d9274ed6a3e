import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { writeTinyModel } from '../src/engines/local/tiny-model.js';

/** Writes the tiny model once for the whole run; tests read its path with `inject`. */
export default async function setup(project: TestProject): Promise<void> {
  const dir = fileURLToPath(new URL('../.test-tmp/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const file = `${dir}tiny.gguf`;
  await writeTinyModel(file);
  project.provide('tinyModelPath', file);
}
