import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FinishReason, Usage } from '../engines/engine.js';
import { insertUsageEvent } from '../repositories/usage-events.js';

export const USAGE_OUTCOMES = ['ok', 'cancelled', 'time_limit', 'error', 'cached'] as const;
export type UsageOutcome = (typeof USAGE_OUTCOMES)[number];

/** One finished (or failed) generation, as it is accounted. */
export interface GenerationRecord {
  userId: string;
  apiKeyId?: string;
  operation: string;
  model: string;
  usage: Usage;
  durationMs: number;
  /** Missing when no text came at all. */
  timeToFirstTokenMs?: number;
  outcome: UsageOutcome;
}

export function outcomeOf(finishReason: FinishReason): UsageOutcome {
  if (finishReason === 'cancelled' || finishReason === 'time_limit') return finishReason;
  return 'ok';
}

/**
 * Writes the usage row and updates the metrics. A failure to write is
 * logged, not thrown: the user already has their answer.
 */
export async function recordGeneration(app: FastifyInstance, record: GenerationRecord) {
  const { metrics } = app;
  const { operation } = record;
  metrics.generations.inc({ operation, outcome: record.outcome });
  metrics.tokens.inc({ operation, kind: 'prompt' }, record.usage.promptTokens);
  metrics.tokens.inc({ operation, kind: 'completion' }, record.usage.completionTokens);
  metrics.generationDuration.observe({ operation }, record.durationMs / 1000);
  if (record.timeToFirstTokenMs !== undefined) {
    metrics.timeToFirstToken.observe({ operation }, record.timeToFirstTokenMs / 1000);
  }

  await insertUsage(app, record);
}

/**
 * An answer served from the cache: counted as a request with outcome
 * `cached` and no tokens, because the engine did no work for it.
 */
export async function recordCachedAnswer(
  app: FastifyInstance,
  record: Pick<GenerationRecord, 'userId' | 'apiKeyId' | 'operation' | 'model' | 'durationMs'>,
) {
  app.metrics.generations.inc({ operation: record.operation, outcome: 'cached' });
  await insertUsage(app, {
    ...record,
    usage: { promptTokens: 0, completionTokens: 0 },
    outcome: 'cached',
  });
}

async function insertUsage(app: FastifyInstance, record: GenerationRecord) {
  const { operation } = record;
  try {
    await insertUsageEvent(app.db, {
      id: randomUUID(),
      user_id: record.userId,
      api_key_id: record.apiKeyId ?? null,
      operation,
      model: record.model,
      prompt_tokens: record.usage.promptTokens,
      completion_tokens: record.usage.completionTokens,
      duration_ms: Math.round(record.durationMs),
      time_to_first_token_ms:
        record.timeToFirstTokenMs === undefined ? null : Math.round(record.timeToFirstTokenMs),
      outcome: record.outcome,
      created_at: new Date().toISOString(),
    });
  } catch (err) {
    app.log.error({ err, userId: record.userId, operation }, 'usage event not recorded');
  }
}
