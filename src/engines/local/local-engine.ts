import path from 'node:path';
import { LlamaChat, LlamaCompletion } from 'node-llama-cpp';
import type { Config } from '../../config/schema.js';
import { AppError } from '../../errors/app-error.js';
import type {
  ChatMessage,
  Engine,
  EngineCapabilities,
  EngineStatus,
  GenerateOptions,
  Generation,
  JsonGenerateOptions,
  JsonGeneration,
} from '../engine.js';
import type { EngineLogger } from '../engine-logger.js';
import { generateJson, JSON_ATTEMPTS, samplingOf, toChatHistory } from './llama-requests.js';
import { hasInfillTokens, type LlamaRuntime, loadLlamaRuntime } from './llama-runtime.js';
import { type RunOutcome, type RunScope, type RunTarget, runOnSlot } from './local-generation.js';
import { checkModelFile } from './model-check.js';
import { locateModelFile, MODEL_FIX_HINT } from './model-file.js';
import { type ModelSource, ModelSourceError, parseModelSource } from './model-source.js';
import { buildSchemaGrammar, type SchemaGrammar } from './schema-grammar.js';

const GRAMMAR_CACHE_SIZE = 32;

/**
 * The engine that runs a GGUF model in-process with llama.cpp on the CPU.
 * One model and one context with `engineParallel` sequences; requests
 * beyond that wait in a FIFO queue.
 */
export class LocalEngine implements Engine {
  readonly kind = 'local' as const;
  private readonly modelName: string;
  private current: Omit<EngineStatus, 'engine' | 'model'> = { state: 'starting' };
  private runtime?: LlamaRuntime;
  private startup?: Promise<void>;
  private readonly lifetime = new AbortController();
  private readonly active = new Set<Promise<unknown>>();
  private readonly grammars = new Map<string, Promise<SchemaGrammar>>();

  constructor(
    private readonly config: Config,
    private readonly log: EngineLogger,
    private readonly modelSpec: string,
  ) {
    this.modelName =
      modelSpec.startsWith('hf:') || /^https?:/i.test(modelSpec)
        ? modelSpec.replace(/#.*$/, '')
        : path.basename(modelSpec);
  }

  start(): void {
    this.startup ??= this.prepare().catch((err: unknown) => {
      this.fail(`The local model could not start: ${(err as Error).message}. ${MODEL_FIX_HINT}`);
    });
  }

  status(): EngineStatus {
    return { engine: this.kind, model: this.modelName, ...this.current };
  }

  capabilities(): EngineCapabilities {
    const infill = this.runtime ? hasInfillTokens(this.runtime.model) : false;
    return { infill, textCompletion: true };
  }

  async completeText(prompt: string, options: GenerateOptions): Promise<Generation> {
    return this.generate(options, async (scope) => {
      const completion = new LlamaCompletion({ contextSequence: scope.sequence });
      try {
        const result = await completion.generateCompletionWithMeta(
          prompt,
          samplingOf(options, scope),
        );
        return { text: result.response, stopReason: result.metadata.stopReason };
      } finally {
        completion.dispose();
      }
    });
  }

  async infill(prefix: string, suffix: string, options: GenerateOptions): Promise<Generation> {
    const runtime = this.requireReady();
    if (!hasInfillTokens(runtime.model)) {
      throw new AppError(
        'engine_unavailable',
        `Model ${this.modelName} has no fill-in-the-middle tokens. Use a FIM-capable code ` +
          'model (for example Qwen2.5-Coder) in ATELIER_MODEL.',
      );
    }
    return this.generate(options, async (scope) => {
      const completion = new LlamaCompletion({ contextSequence: scope.sequence });
      try {
        const result = await completion.generateInfillCompletionWithMeta(
          prefix,
          suffix,
          samplingOf(options, scope),
        );
        return { text: result.response, stopReason: result.metadata.stopReason };
      } finally {
        completion.dispose();
      }
    });
  }

  async chat(messages: ChatMessage[], options: GenerateOptions): Promise<Generation> {
    return this.generate(options, async (scope) => {
      const chat = new LlamaChat({ contextSequence: scope.sequence });
      try {
        const result = await chat.generateResponse(
          toChatHistory(messages),
          samplingOf(options, scope),
        );
        return { text: result.response, stopReason: result.metadata.stopReason };
      } finally {
        chat.dispose();
      }
    });
  }

  async chatJson(messages: ChatMessage[], options: JsonGenerateOptions): Promise<JsonGeneration> {
    const runtime = this.requireReady();
    const { grammar, check } = await this.grammarFor(runtime, options.schema);
    const run = runOnSlot(this.targetOf(runtime), options, (scope) =>
      generateJson(scope, messages, options, grammar),
    );
    const { generation, outcome } = await this.track(run);
    if (outcome?.parsed === undefined) {
      const why =
        generation.finishReason === 'stop' || generation.finishReason === 'length'
          ? `was not valid JSON after ${JSON_ATTEMPTS} attempts`
          : `was stopped (${generation.finishReason}) before the JSON was complete`;
      throw new AppError('engine_output_invalid', `The model's output ${why}.`);
    }
    if (options.checkAnswer && !check(outcome.parsed.value)) {
      const why = check.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      throw new AppError('engine_output_invalid', `The model's output broke the schema: ${why}`);
    }
    return { ...generation, value: outcome.parsed.value };
  }

  async countTokens(text: string): Promise<number> {
    return this.requireReady().model.tokenize(text).length;
  }

  async close(): Promise<void> {
    this.lifetime.abort(new Error('engine closed'));
    this.runtime?.queue.rejectAll(new AppError('engine_unavailable', 'The engine is closing.'));
    await this.startup;
    await Promise.allSettled([...this.active]);
    const runtime = this.runtime;
    this.runtime = undefined;
    this.current = { state: 'unavailable', detail: 'The engine was closed.' };
    await runtime?.llama.dispose();
  }

  private async prepare(): Promise<void> {
    let source: ModelSource;
    try {
      source = parseModelSource(this.modelSpec);
    } catch (err) {
      if (!(err instanceof ModelSourceError)) throw err;
      return this.fail(`${err.message}. ${MODEL_FIX_HINT}`);
    }

    const located = await locateModelFile(source, {
      spec: this.modelSpec,
      cacheDir: this.config.modelCacheDir,
      download: this.config.modelDownload,
      log: this.log,
      signal: this.lifetime.signal,
      onProgress: (progress) => {
        this.current = { state: 'downloading', progress };
      },
    });
    if (this.closing()) return;
    if (!located.ok) return this.fail(located.detail);

    this.current = { state: 'loading' };
    const threads = this.config.engineThreads;
    const check = await checkModelFile(located.path, { threads, signal: this.lifetime.signal });
    if (this.closing()) return;
    if (!check.ok) return this.fail(`${check.detail}. ${MODEL_FIX_HINT}`);

    await this.load(located.path);
  }

  private async load(modelPath: string): Promise<void> {
    const runtime = await loadLlamaRuntime(modelPath, this.config, this.log);
    if (this.closing()) {
      await runtime.llama.dispose();
      return;
    }
    this.runtime = runtime;
    this.current = { state: 'ready' };
    this.log.info(
      {
        model: this.modelName,
        path: modelPath,
        contextSize: runtime.context.contextSize,
        parallel: this.config.engineParallel,
        threads: this.config.engineThreads,
        infill: hasInfillTokens(runtime.model),
      },
      'local model ready',
    );
  }

  private generate(
    options: GenerateOptions,
    body: (scope: RunScope) => Promise<RunOutcome>,
  ): Promise<Generation> {
    const runtime = this.requireReady();
    return this.track(runOnSlot(this.targetOf(runtime), options, body)).then((r) => r.generation);
  }

  private targetOf(runtime: LlamaRuntime): RunTarget {
    return {
      queue: runtime.queue,
      context: runtime.context,
      model: this.modelName,
      lifetime: this.lifetime.signal,
    };
  }

  private requireReady(): LlamaRuntime {
    if (this.runtime && this.current.state === 'ready') return this.runtime;
    const { state, detail } = this.current;
    throw new AppError(
      'engine_unavailable',
      detail ?? `The local model is not ready yet (state: ${state}); try again shortly.`,
    );
  }

  private grammarFor(
    runtime: LlamaRuntime,
    schema: Record<string, unknown>,
  ): Promise<SchemaGrammar> {
    const key = JSON.stringify(schema);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      grammar = buildSchemaGrammar(runtime, schema).catch((err) => {
        this.grammars.delete(key);
        throw err;
      });
      this.grammars.set(key, grammar);
      const oldest = this.grammars.keys().next().value;
      if (this.grammars.size > GRAMMAR_CACHE_SIZE && oldest !== undefined) {
        this.grammars.delete(oldest);
      }
    }
    return grammar;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.active.add(work);
    const forget = () => this.active.delete(work);
    work.then(forget, forget);
    return work;
  }

  private closing(): boolean {
    return this.lifetime.signal.aborted;
  }

  private fail(detail: string): void {
    if (this.closing()) return;
    this.current = { state: 'unavailable', detail };
    this.log.warn({ model: this.modelName, detail }, 'local model unavailable');
  }
}
