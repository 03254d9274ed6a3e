import { createAnthropic } from '@ai-sdk/anthropic';
import type { Config } from '../../config/schema.js';
import type { Engine } from '../engine.js';
import type { EngineLogger } from '../engine-logger.js';
import { RemoteEngine, type RemoteModelSetup } from './remote-engine.js';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com/v1';

/** A chat engine backed by Anthropic's Messages API (or a proxy speaking it). */
export function createAnthropicEngine(config: Config, log: EngineLogger): Engine {
  return new RemoteEngine('anthropic', 'Anthropic', config.model ?? '', setUpModel(config), log);
}

function setUpModel(config: Config): RemoteModelSetup {
  const missing = [
    config.model ? undefined : 'ATELIER_MODEL (for example claude-sonnet-4-5)',
    config.engineApiKey ? undefined : 'ATELIER_ENGINE_API_KEY',
  ].filter((s) => s !== undefined);
  if (!config.model || !config.engineApiKey) {
    return {
      ok: false,
      detail:
        `The anthropic engine needs ${missing.join(' and ')}; ` +
        'ATELIER_ENGINE_BASE_URL is optional (a proxy speaking the Messages API).',
    };
  }
  const baseUrl = config.engineBaseUrl ?? ANTHROPIC_BASE_URL;
  const provider = createAnthropic({ baseURL: baseUrl, apiKey: config.engineApiKey });
  return { ok: true, model: provider(config.model), baseUrl };
}
