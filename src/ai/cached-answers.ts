import type { Generation } from '../engines/engine.js';
import type { CodeSource } from './operations.js';
import type { OperationName, OperationRun } from './run-operation.js';
import { recordCachedAnswer } from './usage-recorder.js';

/** Where an answer is looked up and stored, and whether to read or write there. */
export interface CachePlan {
  key: string;
  read: boolean;
  write: boolean;
}

/** Request fields that say how to deliver or apply an answer, not what it is. */
const DELIVERY_FIELDS = new Set([
  'code',
  'file_id',
  'stream',
  'cache',
  'apply',
  'apply_indices',
  'expected_version',
  'force',
]);

/** Only answers the model would give again are kept; a cut-short one is not. */
const KEPT_FINISHES = new Set(['stop', 'length']);

/**
 * Plans the cache for one request, or nothing when it may not be cached: a
 * temperature above 0 samples, so the same request may rightly answer
 * differently. The key covers the user (a hit never reveals someone
 * else's request), the engine and model, the operation, the code as the
 * prompt carries it (a stored file's current content and its repository
 * context, so that any write changes the key) and every other field.
 */
export function planCache(
  run: OperationRun,
  operation: OperationName,
  body: { temperature: number; cache?: boolean },
  source: CodeSource,
): CachePlan | undefined {
  const { app } = run;
  const mode = body.cache === false ? 'bypass' : (run.cacheMode ?? 'use');
  if (!app.answerCache.enabled || body.temperature !== 0 || mode === 'bypass') return undefined;

  const options = Object.fromEntries(
    Object.entries(body).filter(([name]) => !DELIVERY_FIELDS.has(name)),
  );
  const key = app.answerCache.keyOf({
    user: run.user.id,
    engine: app.engine.kind,
    model: app.engine.status().model,
    contextSize: app.config.engineContextSize,
    operation,
    source: {
      code: source.code,
      language: source.language,
      path: source.path,
      context: source.context,
    },
    options,
  });
  return { key, read: mode === 'use', write: true };
}

/**
 * A cached answer, replayed to a streaming caller as one piece of text and
 * recorded as a cached use: it is not admitted and costs no tokens.
 */
export async function readCache<T extends { generation: Generation }>(
  run: OperationRun,
  operation: OperationName,
  plan: CachePlan,
): Promise<T | undefined> {
  if (!plan.read) return undefined;
  const started = performance.now();
  const hit = await run.app.answerCache.get<T>(plan.key);
  if (!hit) return undefined;

  const generation = { ...hit.generation, timings: { queueMs: 0, promptMs: 0, generationMs: 0 } };
  if (generation.text.length > 0) run.onText?.(generation.text);
  await recordCachedAnswer(run.app, {
    userId: run.user.id,
    apiKeyId: run.user.apiKeyId,
    operation,
    model: generation.model,
    durationMs: performance.now() - started,
  });
  return { ...hit, generation };
}

/** Stores a finished answer; failing to store it does not fail the request. */
export async function writeCache(
  run: OperationRun,
  plan: CachePlan,
  result: { generation: Generation },
): Promise<void> {
  if (!plan.write || !KEPT_FINISHES.has(result.generation.finishReason)) return;
  try {
    await run.app.answerCache.set(plan.key, result);
  } catch (err) {
    run.app.log.warn({ err }, 'answer not cached');
  }
}
