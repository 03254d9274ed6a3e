import type { FastifyInstance } from 'fastify';
import { vi } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { tinyModelPath } from '../helpers/tiny-model.js';

/** The real app on the real llama.cpp engine with the tiny model, ready. */
export async function buildTinyModelApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await buildTestApp({
    ATELIER_MODEL: tinyModelPath(),
    ATELIER_ENGINE_CONTEXT_SIZE: '4096',
    ATELIER_RATE_LIMIT_COMPLETE: '1000',
    ATELIER_RATE_LIMIT_EXPLAIN: '1000',
    ATELIER_RATE_LIMIT_REFACTOR: '1000',
    // Tests of generation want a generation every time; cache tests turn it on.
    ATELIER_AI_CACHE_TTL_MS: '0',
    ...env,
  });
  await vi.waitUntil(() => t.app.engine.status().state === 'ready', {
    timeout: 30_000,
    interval: 50,
  });
  return t;
}

export function aiPost(
  app: FastifyInstance,
  operation: 'complete' | 'explain' | 'refactor',
  auth: { authorization: string },
  payload: object,
) {
  return app.inject({ method: 'POST', url: `/api/v1/ai/${operation}`, headers: auth, payload });
}

export const PYTHON = [
  'def total(items):',
  '    result = 0',
  '    for item in items:',
  '        result = result + item',
  '    return result',
  '',
  'print(total([1, 2, 3]))',
  '',
].join('\n');
