import {
  generateText,
  jsonSchema,
  type LanguageModel,
  type LanguageModelUsage,
  type ModelMessage,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
  streamText,
} from 'ai';
import { AppError } from '../../errors/app-error.js';
import type {
  ChatMessage,
  Engine,
  EngineCapabilities,
  EngineStatus,
  FinishReason,
  GenerateOptions,
  Generation,
  JsonGenerateOptions,
  JsonGeneration,
  Usage,
} from '../engine.js';
import type { EngineLogger } from '../engine-logger.js';
import { toEngineError } from './remote-errors.js';

export type RemoteKind = 'openai-compatible' | 'anthropic';

/** A provider's model, or why it cannot be built from the settings. */
export type RemoteModelSetup =
  | { ok: true; model: LanguageModel; baseUrl: string }
  | { ok: false; detail: string };

/** Attempts at parseable JSON before giving up with engine_output_invalid. */
const JSON_ATTEMPTS = 2;

/** Rough size of a token in characters, for engines without a tokenizer at hand. */
const CHARS_PER_TOKEN = 4;

/**
 * The AI SDK prints provider warnings (an unsupported setting, say) with
 * console.warn; send them through our structured log instead.
 */
function routeSdkWarnings(log: EngineLogger): void {
  globalThis.AI_SDK_LOG_WARNINGS = ({ warnings, provider, model }) => {
    log.warn({ provider, model, warnings }, 'provider warning');
  };
}

/**
 * A chat-only engine backed by a hosted model through the Vercel AI SDK.
 * The SDK's own retries are off (maxRetries 0): a failure reaches the caller
 * at once, and the AI layer decides whether to try again.
 */
export class RemoteEngine implements Engine {
  private current: Pick<EngineStatus, 'state' | 'detail'> = { state: 'starting' };
  private readonly lifetime = new AbortController();

  constructor(
    readonly kind: RemoteKind,
    private readonly provider: string,
    private readonly modelName: string,
    private readonly setup: RemoteModelSetup,
    private readonly log: EngineLogger,
  ) {}

  /** Nothing to load: the engine is ready as soon as its settings are complete. */
  start(): void {
    routeSdkWarnings(this.log);
    if (this.setup.ok) {
      this.current = { state: 'ready' };
      return;
    }
    this.current = { state: 'unavailable', detail: this.setup.detail };
    this.log.warn({ engine: this.kind, detail: this.setup.detail }, 'engine unavailable');
  }

  status(): EngineStatus {
    return { engine: this.kind, model: this.modelName, ...this.current };
  }

  capabilities(): EngineCapabilities {
    return { infill: false, textCompletion: false };
  }

  async completeText(): Promise<Generation> {
    throw this.chatOnly('plain text completion');
  }

  async infill(): Promise<Generation> {
    throw this.chatOnly('fill-in-the-middle');
  }

  async chat(messages: ChatMessage[], options: GenerateOptions): Promise<Generation> {
    const { model, baseUrl } = this.requireReady();
    const limit = createTimeLimit(options.maxTimeMs);
    const signal = this.signalFor(options, limit.signal);
    const started = performance.now();
    let firstText: number | undefined;
    let text = '';
    let finish: FinishReason = 'stop';
    let usage: LanguageModelUsage | undefined;
    let failure: unknown;

    try {
      const stream = streamText({
        ...callSettings(messages, options, signal),
        model,
        onError: () => {},
      });
      for await (const part of stream.fullStream) {
        if (part.type === 'text-delta') {
          firstText ??= performance.now();
          text += part.text;
          options.onText?.(part.text);
        } else if (part.type === 'finish') {
          finish = part.finishReason === 'length' ? 'length' : 'stop';
          usage = part.totalUsage;
        } else if (part.type === 'error') {
          failure = part.error;
        }
      }
    } catch (err) {
      failure = err;
    } finally {
      limit.clear();
    }

    if (signal.aborted) finish = limit.signal.aborted ? 'time_limit' : 'cancelled';
    else if (failure !== undefined) throw toEngineError(failure, this.provider, baseUrl);
    const ended = performance.now();
    return {
      text,
      finishReason: finish,
      usage: toUsage(usage, messages, text),
      timings: {
        queueMs: 0,
        promptMs: (firstText ?? ended) - started,
        generationMs: ended - (firstText ?? ended),
      },
      model: this.modelName,
    };
  }

  async chatJson(messages: ChatMessage[], options: JsonGenerateOptions): Promise<JsonGeneration> {
    const { model, baseUrl } = this.requireReady();
    const limit = createTimeLimit(options.maxTimeMs);
    const signal = this.signalFor(options, limit.signal);
    const started = performance.now();
    try {
      for (let attempt = 1; attempt <= JSON_ATTEMPTS; attempt++) {
        try {
          const result = await generateText({
            ...callSettings(messages, options, signal),
            model,
            output: Output.object({ schema: jsonSchema(options.schema) }),
          });
          const value: unknown = result.output;
          options.onText?.(result.text);
          return {
            value,
            text: result.text,
            finishReason: result.finishReason === 'length' ? 'length' : 'stop',
            usage: toUsage(result.totalUsage, messages, result.text),
            timings: { queueMs: 0, promptMs: 0, generationMs: performance.now() - started },
            model: this.modelName,
          };
        } catch (err) {
          if (signal.aborted) {
            const why = limit.signal.aborted ? 'time_limit' : 'cancelled';
            throw new AppError(
              'engine_output_invalid',
              `The model's output was stopped (${why}) before the JSON was complete.`,
            );
          }
          if (!isUnparseableOutput(err)) throw toEngineError(err, this.provider, baseUrl);
          this.log.debug({ engine: this.kind, attempt, err }, 'remote json output unparseable');
        }
      }
    } finally {
      limit.clear();
    }
    throw new AppError(
      'engine_output_invalid',
      `The model's output was not valid JSON after ${JSON_ATTEMPTS} attempts.`,
    );
  }

  /** An estimate: about four characters a token; remote tokenizers are not at hand. */
  async countTokens(text: string): Promise<number> {
    return Math.ceil(text.length / CHARS_PER_TOKEN);
  }

  async close(): Promise<void> {
    this.lifetime.abort(new Error('engine closed'));
    this.current = { state: 'unavailable', detail: 'The engine was closed.' };
  }

  private requireReady(): { model: LanguageModel; baseUrl: string } {
    if (this.setup.ok && this.current.state === 'ready') return this.setup;
    throw new AppError(
      'engine_unavailable',
      this.current.detail ?? `The ${this.provider} engine is not started.`,
    );
  }

  private signalFor(options: GenerateOptions, limit: AbortSignal): AbortSignal {
    const signals = [this.lifetime.signal, limit];
    if (options.signal) signals.push(options.signal);
    return AbortSignal.any(signals);
  }

  private chatOnly(what: string): AppError {
    return new AppError(
      'engine_unavailable',
      `The ${this.provider} engine serves chat only; ${what} needs ATELIER_ENGINE=local.`,
    );
  }
}

function callSettings(messages: ChatMessage[], options: GenerateOptions, signal: AbortSignal) {
  // System messages go in `system`, which every provider accepts.
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const conversation: ModelMessage[] = messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content }));
  return {
    system: system || undefined,
    messages: conversation,
    maxOutputTokens: options.maxTokens,
    temperature: options.temperature,
    stopSequences: options.stop?.length ? options.stop : undefined,
    abortSignal: signal,
    maxRetries: 0,
  };
}

function createTimeLimit(maxTimeMs: number | undefined) {
  const controller = new AbortController();
  const timer =
    maxTimeMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(new Error('time limit reached')), maxTimeMs);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** Provider counts when reported, else the same four-characters estimate. */
function toUsage(
  usage: LanguageModelUsage | undefined,
  messages: ChatMessage[],
  text: string,
): Usage {
  const promptChars = messages.reduce((sum, m) => sum + m.content.length, 0);
  return {
    promptTokens: usage?.inputTokens ?? Math.ceil(promptChars / CHARS_PER_TOKEN),
    completionTokens: usage?.outputTokens ?? Math.ceil(text.length / CHARS_PER_TOKEN),
  };
}

function isUnparseableOutput(err: unknown): boolean {
  return NoObjectGeneratedError.isInstance(err) || NoOutputGeneratedError.isInstance(err);
}
