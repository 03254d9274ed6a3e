import type { LlamaContext, LlamaContextSequence } from 'node-llama-cpp';
import { AppError } from '../../errors/app-error.js';
import type { FinishReason, GenerateOptions, Generation } from '../engine.js';
import { cutAtStop } from '../stop-strings.js';
import type { SlotQueue } from './slot-queue.js';

/** What node-llama-cpp says about why generation ended. */
export type StopReason =
  | 'eogToken'
  | 'stopGenerationTrigger'
  | 'customStopTrigger'
  | 'functionCalls'
  | 'maxTokens'
  | 'abort';

/** What one request's body gets: its own sequence and the signal to stop on. */
export interface RunScope {
  sequence: LlamaContextSequence;
  signal: AbortSignal;
  /** Pass as `onToken`: it marks where reading the prompt ended. */
  onToken: () => void;
}

export interface RunOutcome {
  text: string;
  stopReason: StopReason;
}

/** `outcome` is the body's own result; it is missing when stopped before any output. */
export interface RunResult<T> {
  generation: Generation;
  outcome?: T;
}

export interface RunTarget {
  queue: SlotQueue;
  context: LlamaContext;
  model: string;
  /** Aborted when the engine shuts down. */
  lifetime: AbortSignal;
}

/**
 * Runs one request on the local model: waits for a slot (FIFO), takes a
 * sequence, enforces maxTimeMs and the caller's signal, measures time and
 * tokens, and always gives the sequence and slot back. maxTimeMs counts
 * from the moment the slot is granted, so it bounds the work, not the wait.
 */
export async function runOnSlot<T extends RunOutcome>(
  target: RunTarget,
  options: GenerateOptions,
  body: (scope: RunScope) => Promise<T>,
): Promise<RunResult<T>> {
  const requested = performance.now();
  const outer = options.signal
    ? AbortSignal.any([options.signal, target.lifetime])
    : target.lifetime;

  let release: () => void;
  try {
    release = await target.queue.acquire(outer);
  } catch (err) {
    if (!outer.aborted) throw err;
    return { generation: cancelledBeforeStart(target.model, performance.now() - requested) };
  }

  try {
    return await runOnSequence(target, options, body, performance.now() - requested, outer);
  } finally {
    release();
  }
}

async function runOnSequence<T extends RunOutcome>(
  target: RunTarget,
  options: GenerateOptions,
  body: (scope: RunScope) => Promise<T>,
  queueMs: number,
  outer: AbortSignal,
): Promise<RunResult<T>> {
  const started = performance.now();
  const limit = new AbortController();
  const timer =
    options.maxTimeMs === undefined
      ? undefined
      : setTimeout(() => limit.abort(new Error('time limit reached')), options.maxTimeMs);
  const signal = AbortSignal.any([outer, limit.signal]);
  const sequence = target.context.getSequence();
  let firstToken: number | undefined;
  let promptTokens: number | undefined;
  // Input tokens so far, read at the first output token: later input comes
  // from context shifts re-reading the text, which is no part of the prompt.
  const onToken = () => {
    firstToken ??= performance.now();
    promptTokens ??= sequence.tokenMeter.usedInputTokens;
  };

  try {
    const outcome = await runBody(body, { sequence, signal, onToken });
    const ended = performance.now();
    const { usedInputTokens, usedOutputTokens } = sequence.tokenMeter.getState();
    const stopped = cutAtStop(outcome?.text ?? '', options.stop);
    const reason = toFinishReason(outcome?.stopReason ?? 'abort', limit.signal.aborted);
    const generation: Generation = {
      text: stopped.text,
      finishReason: stopped.cut ? 'stop' : reason,
      usage: {
        promptTokens: promptTokens ?? usedInputTokens,
        completionTokens: usedOutputTokens,
      },
      timings: {
        queueMs,
        promptMs: (firstToken ?? ended) - started,
        generationMs: ended - (firstToken ?? ended),
      },
      model: target.model,
    };
    return { generation, outcome };
  } finally {
    clearTimeout(timer);
    // The sequence id returns to the context asynchronously; the slot may only
    // be handed on once it has, or the next request finds no sequence left.
    await sequence.dispose();
  }
}

/** Runs the body; an abort before the first token yields `undefined`, not an error. */
async function runBody<T>(
  body: (scope: RunScope) => Promise<T>,
  scope: RunScope,
): Promise<T | undefined> {
  try {
    return await body(scope);
  } catch (err) {
    if (scope.signal.aborted) return undefined;
    if (err instanceof AppError) throw err;
    throw new AppError('engine_failed', `Local model failed: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

function toFinishReason(stopReason: StopReason, timeUp: boolean): FinishReason {
  if (stopReason === 'abort') return timeUp ? 'time_limit' : 'cancelled';
  if (stopReason === 'maxTokens') return 'length';
  return 'stop';
}

function cancelledBeforeStart(model: string, queueMs: number): Generation {
  return {
    text: '',
    finishReason: 'cancelled',
    usage: { promptTokens: 0, completionTokens: 0 },
    timings: { queueMs, promptMs: 0, generationMs: 0 },
    model,
  };
}
