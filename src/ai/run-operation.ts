import type { Static } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AuthUser } from '../auth/authenticate.js';
import type { CacheMode, CacheStatus } from '../cache/answer-cache.js';
import type { GenerateOptions, Generation } from '../engines/engine.js';
import type { CompleteBody, ExplainBody, RefactorBody } from '../routes/v1/ai-schemas.js';
import type { AdmissionTicket } from './admission.js';
import { checkFindings, type Finding, findingsSchema } from './analysis-findings.js';
import { type CachePlan, planCache, readCache, writeCache } from './cached-answers.js';
import { ensureFits, inputBudget } from './context-budget.js';
import { withFileContext } from './file-context.js';
import {
  type CompletionResult,
  completeCode,
  explainCode,
  type OperationContext,
  type RefactorResult,
  suggestRefactors,
} from './operations.js';
import { buildAnalyzeMessages } from './prompts/analyze.js';
import { offsetOf, resolveSource } from './source.js';
import { outcomeOf, recordGeneration, type UsageOutcome } from './usage-recorder.js';

/** The operations of Atelier's own API, over REST, SSE and WebSocket. */
export type AiOperationName = 'complete' | 'explain' | 'refactor';

/** Every generation admitted and accounted, the OpenAI-compatible ones too. */
export type OperationName = AiOperationName | 'analyze' | 'chat' | 'text_completion';

/**
 * Who asks and how to reach them. Every transport (REST, SSE, WebSocket)
 * runs operations through this module, so admission, accounting and
 * cancellation live in one place.
 */
export interface OperationRun {
  app: FastifyInstance;
  user: AuthUser;
  /** The workspace whose files `file_id` names; the user's personal one when absent. */
  workspaceId?: string;
  /** Aborted when the caller goes away or cancels. */
  signal: AbortSignal;
  /** Receives generated text as it arrives, for streaming transports. */
  onText?: (text: string) => void;
  /** What the transport's headers ask of the answer cache; `use` when absent. */
  cacheMode?: CacheMode;
}

/** An operation's result, saying whether it came from the answer cache. */
export type Cached<T> = T & { cache: CacheStatus };

/** What every generation request carries, whatever its operation. */
export interface GenerationFields {
  max_tokens: number;
  temperature: number;
  max_time_ms?: number;
  stop?: string[];
  /** `false` keeps this request out of the answer cache. */
  cache?: boolean;
}

/** The engine, context size and generation options a run's request asks for. */
export function contextFor(run: OperationRun, body: GenerationFields): OperationContext {
  const options: GenerateOptions = {
    maxTokens: body.max_tokens,
    temperature: body.temperature,
    maxTimeMs: body.max_time_ms,
    stop: body.stop,
    signal: run.signal,
    onText: run.onText,
  };
  return { engine: run.app.engine, contextSize: run.app.config.engineContextSize, options };
}

function sourceScope(run: OperationRun) {
  return { userId: run.user.id, workspaceId: run.workspaceId };
}

/** Checks the budget and waits for a place; a refusal is counted, then thrown. */
async function admit(run: OperationRun, operation: OperationName): Promise<AdmissionTicket> {
  const { app, user } = run;
  try {
    await app.tokenBudget.check(user.id);
    const ticket = await app.admission.admit(user.id, run.signal);
    app.metrics.queueWait.observe(ticket.waitedMs / 1000);
    return ticket;
  } catch (err) {
    app.metrics.generations.inc({ operation, outcome: 'rejected' });
    throw err;
  }
}

/**
 * The one place every generation passes through, whatever the transport:
 * a deterministic request is first looked up in the answer cache (a hit is
 * neither admitted nor charged), then the token budget is checked, a place
 * in front of the engine is awaited (429/503 when there is none in time),
 * and the outcome is charged to the budget and recorded as a usage event
 * and in the metrics, failures too.
 */
export async function withGeneration<T extends { generation: Generation }>(
  run: OperationRun,
  operation: OperationName,
  execute: (run: OperationRun) => Promise<T>,
  plan?: CachePlan,
): Promise<Cached<T>> {
  const { answerCache } = run.app.metrics;
  const hit = plan && (await readCache<T>(run, operation, plan));
  if (hit) {
    answerCache.inc({ operation, result: 'hit' });
    return { ...hit, cache: 'hit' };
  }

  const result = await generate(run, operation, execute);
  if (plan) await writeCache(run, plan, result);
  const cache = plan?.read ? 'miss' : 'bypass';
  answerCache.inc({ operation, result: cache });
  return { ...result, cache };
}

async function generate<T extends { generation: Generation }>(
  run: OperationRun,
  operation: OperationName,
  execute: (run: OperationRun) => Promise<T>,
): Promise<T> {
  const { app, user } = run;
  const started = performance.now();
  const ticket = await admit(run, operation);

  let firstText: number | undefined;
  const onText = (text: string) => {
    firstText ??= performance.now();
    run.onText?.(text);
  };
  let generation: Generation | undefined;
  let outcome: UsageOutcome = 'error';
  try {
    const result = await execute({ ...run, onText });
    generation = result.generation;
    outcome = outcomeOf(generation.finishReason);
    return result;
  } catch (err) {
    if (run.signal.aborted) outcome = 'cancelled';
    throw err;
  } finally {
    ticket.release();
    const usage = generation?.usage ?? { promptTokens: 0, completionTokens: 0 };
    await chargeBudget(app, user.id, usage.promptTokens + usage.completionTokens);
    await recordGeneration(app, {
      userId: user.id,
      apiKeyId: user.apiKeyId,
      operation,
      model: generation?.model ?? app.engine.status().model,
      usage,
      durationMs: performance.now() - started,
      timeToFirstTokenMs: firstText === undefined ? undefined : firstText - started,
      outcome,
    });
  }
}

/**
 * An answer already generated is not failed because the shared budget
 * store went away meanwhile: its tokens go uncounted and the log says so.
 */
async function chargeBudget(app: FastifyInstance, userId: string, tokens: number) {
  try {
    await app.tokenBudget.charge(userId, tokens);
  } catch (err) {
    app.log.warn({ err, userId, tokens }, 'tokens not charged to the budget');
  }
}

export async function runComplete(
  run: OperationRun,
  body: Static<typeof CompleteBody>,
): Promise<Cached<CompletionResult>> {
  const resolved = await resolveSource(run.app.db, sourceScope(run), body);
  const split = body.cursor ? offsetOf(resolved.code, body.cursor) : resolved.code.length;
  const prefix = resolved.code.slice(0, split);
  const suffix = body.cursor ? resolved.code.slice(split) : (body.suffix ?? '');
  const source = await withFileContext(run, body.max_tokens, resolved, prefix + suffix);
  const plan = planCache(run, 'complete', body, source);

  return withGeneration(
    run,
    'complete',
    (admitted) => completeCode(contextFor(admitted, body), { ...source, prefix, suffix }),
    plan,
  );
}

export async function runExplain(
  run: OperationRun,
  body: Static<typeof ExplainBody>,
): Promise<Cached<{ generation: Generation }>> {
  const resolved = await resolveSource(run.app.db, sourceScope(run), body);
  const source = await withFileContext(run, body.max_tokens, resolved);
  const plan = planCache(run, 'explain', body, source);

  return withGeneration(
    run,
    'explain',
    async (admitted) => ({
      generation: await explainCode(contextFor(admitted, body), source, body.question),
    }),
    plan,
  );
}

export async function runRefactor(
  run: OperationRun,
  body: Static<typeof RefactorBody>,
): Promise<Cached<RefactorResult>> {
  const resolved = await resolveSource(run.app.db, sourceScope(run), body);
  const source = await withFileContext(run, body.max_tokens, resolved);
  const plan = planCache(run, 'refactor', body, source);

  return withGeneration(
    run,
    'refactor',
    (admitted) =>
      suggestRefactors(contextFor(admitted, body), source, {
        instructions: body.instructions,
        maxSuggestions: body.max_suggestions,
      }),
    plan,
  );
}

export interface AnalyzeRequest extends GenerationFields {
  code: string;
  language: string;
  path?: string;
  facts: string[];
  maxFindings: number;
}

/** A background job's review of one file: findings as JSON under a schema. */
export async function runAnalyze(
  run: OperationRun,
  request: AnalyzeRequest,
): Promise<{ findings: Finding[]; generation: Generation }> {
  const lineCount = request.code.split('\n').length;
  return withGeneration(run, 'analyze', async (admitted) => {
    const ctx = contextFor(admitted, request);
    const messages = buildAnalyzeMessages(request);
    const text = messages.map((m) => m.content).join('\n');
    await ensureFits(ctx.engine, text, inputBudget(ctx.contextSize, request.max_tokens));
    const schema = findingsSchema(lineCount, request.maxFindings, request.max_tokens);
    const generation = await ctx.engine.chatJson(messages, { ...ctx.options, schema });
    return { findings: checkFindings(generation.value, lineCount), generation };
  });
}

/** Fields every AI answer carries, in the API's snake_case. */
export function resultMeta(generation: Generation, cache: CacheStatus = 'bypass') {
  const { promptTokens, completionTokens } = generation.usage;
  return {
    model: generation.model,
    finish_reason: generation.finishReason,
    cached: cache === 'hit',
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}
