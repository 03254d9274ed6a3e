import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/schema.js';
import type { Engine } from './engine.js';
import { UnavailableEngine } from './unavailable-engine.js';

export function createEngine(config: Config, _log: FastifyBaseLogger): Engine {
  return new UnavailableEngine(config.engine, config.model ?? '', 'engine not built yet');
}
