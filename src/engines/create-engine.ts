import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import type { Engine } from './engine.js';
import { LocalEngine } from './local/local-engine.js';
import { createAnthropicEngine } from './remote/anthropic-engine.js';
import { createOpenAICompatibleEngine } from './remote/openai-compatible-engine.js';

/**
 * The local model used when ATELIER_MODEL is unset: Qwen2.5-Coder 0.5B
 * Instruct in Q8_0 (about 530 MB). It is the smallest model that both
 * chats and has fill-in-the-middle tokens, and it decodes at roughly
 * 40 tokens/s on two CPU cores; Q8_0 keeps nearly full quality at that size.
 */
export const DEFAULT_LOCAL_MODEL =
  'hf:Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/qwen2.5-coder-0.5b-instruct-q8_0.gguf';

/** Builds the engine chosen by ATELIER_ENGINE; call `start()` on it to begin loading. */
export function createEngine(config: Config, log: Logger | FastifyBaseLogger): Engine {
  switch (config.engine) {
    case 'local':
      return new LocalEngine(config, log, config.model ?? DEFAULT_LOCAL_MODEL);
    case 'openai-compatible':
      return createOpenAICompatibleEngine(config, log);
    case 'anthropic':
      return createAnthropicEngine(config, log);
  }
}
