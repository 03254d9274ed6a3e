/**
 * The contract every language-model engine implements. AI operations talk
 * only to this interface; the local llama.cpp engine and the remote
 * providers live behind it.
 */

export const FINISH_REASONS = ['stop', 'length', 'time_limit', 'cancelled'] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateOptions {
  maxTokens: number;
  temperature: number;
  stop?: string[];
  /** Generation stops, keeping what it has, once this much time passed. */
  maxTimeMs?: number;
  signal?: AbortSignal;
  /** Called with each chunk of text as it is generated. */
  onText?: (text: string) => void;
}

export interface JsonGenerateOptions extends GenerateOptions {
  /** A JSON schema the output must satisfy (grammar or structured output). */
  schema: Record<string, unknown>;
  /**
   * Also validate the parsed answer against the schema, for schemas a
   * client wrote: the schema is all they were promised. Atelier's own
   * operations check and repair their answers themselves.
   */
  checkAnswer?: boolean;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

/** Milliseconds spent waiting for a slot, reading the prompt, generating. */
export interface Timings {
  queueMs: number;
  promptMs: number;
  generationMs: number;
}

export interface Generation {
  text: string;
  finishReason: FinishReason;
  usage: Usage;
  timings: Timings;
  model: string;
}

export interface JsonGeneration extends Generation {
  /** The parsed JSON value (already checked to parse, not yet validated). */
  value: unknown;
}

export const ENGINE_STATES = [
  'starting',
  'downloading',
  'loading',
  'ready',
  'unavailable',
] as const;
export type EngineState = (typeof ENGINE_STATES)[number];

export interface EngineStatus {
  state: EngineState;
  engine: string;
  model: string;
  /** Why the engine is not ready and how to fix it, when it is not. */
  detail?: string;
  /** Download progress from 0 to 1 while downloading. */
  progress?: number;
}

export interface EngineCapabilities {
  /** Fill-in-the-middle with the model's own FIM tokens. */
  infill: boolean;
  /** Plain text continuation (not only chat). */
  textCompletion: boolean;
}

export interface Engine {
  readonly kind: 'local' | 'openai-compatible' | 'anthropic';
  /** Starts loading or connecting in the background; never blocks start-up. */
  start(): void;
  status(): EngineStatus;
  capabilities(): EngineCapabilities;
  /** Continues `prompt` as plain text. */
  completeText(prompt: string, options: GenerateOptions): Promise<Generation>;
  /** Fills the gap between `prefix` and `suffix` (needs `infill`). */
  infill(prefix: string, suffix: string, options: GenerateOptions): Promise<Generation>;
  chat(messages: ChatMessage[], options: GenerateOptions): Promise<Generation>;
  chatJson(messages: ChatMessage[], options: JsonGenerateOptions): Promise<JsonGeneration>;
  /** Counts tokens with the model's tokenizer (an estimate on remote engines). */
  countTokens(text: string): Promise<number>;
  close(): Promise<void>;
}
