import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { Config } from '../../config/schema.js';
import type { Engine } from '../engine.js';
import type { EngineLogger } from '../engine-logger.js';
import { RemoteEngine, type RemoteModelSetup } from './remote-engine.js';

/**
 * A chat engine for any server speaking OpenAI's chat/completions protocol
 * (OpenAI, llama.cpp's llama-server, vLLM, Ollama, LM Studio, ...).
 */
export function createOpenAICompatibleEngine(config: Config, log: EngineLogger): Engine {
  return new RemoteEngine(
    'openai-compatible',
    'OpenAI-compatible',
    config.model ?? '',
    setUpModel(config),
    log,
  );
}

function setUpModel(config: Config): RemoteModelSetup {
  const missing = [
    config.engineBaseUrl
      ? undefined
      : 'ATELIER_ENGINE_BASE_URL (for example http://127.0.0.1:8080/v1)',
    config.model ? undefined : 'ATELIER_MODEL (the model name the server expects)',
  ].filter((s) => s !== undefined);
  if (!config.engineBaseUrl || !config.model) {
    return {
      ok: false,
      detail:
        `The openai-compatible engine needs ${missing.join(' and ')}; ` +
        'set ATELIER_ENGINE_API_KEY too if the server wants a key.',
    };
  }
  const provider = createOpenAICompatible({
    name: 'atelier-remote',
    baseURL: config.engineBaseUrl,
    apiKey: config.engineApiKey || undefined,
    includeUsage: true,
    // Ask for response_format json_schema, which the server enforces, not just json_object.
    supportsStructuredOutputs: true,
  });
  return { ok: true, model: provider.chatModel(config.model), baseUrl: config.engineBaseUrl };
}
