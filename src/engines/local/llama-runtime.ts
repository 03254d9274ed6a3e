import {
  getLlama,
  type Llama,
  type LlamaContext,
  LlamaLogLevel,
  type LlamaModel,
} from 'node-llama-cpp';
import type { Config } from '../../config/schema.js';
import type { EngineLogger } from '../engine-logger.js';
import { SlotQueue } from './slot-queue.js';

/** The loaded model and its one context, with a slot per context sequence. */
export interface LlamaRuntime {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  queue: SlotQueue;
}

/**
 * Loads a checked model file on the CPU. Threads are always explicit: the
 * library's default of 4 oversubscribes small machines badly (see NOTES).
 */
export async function loadLlamaRuntime(
  modelPath: string,
  config: Config,
  log: EngineLogger,
): Promise<LlamaRuntime> {
  const llama = await getLlama({
    gpu: false,
    build: 'never',
    maxThreads: config.engineThreads,
    logLevel: LlamaLogLevel.warn,
    logger: (level, message) => logNative(log, level, message),
  });
  try {
    const model = await llama.loadModel({ modelPath });
    const context = await model.createContext({
      contextSize: config.engineContextSize,
      sequences: config.engineParallel,
      threads: config.engineThreads,
    });
    return { llama, model, context, queue: new SlotQueue(config.engineParallel) };
  } catch (err) {
    await llama.dispose();
    throw err;
  }
}

export function hasInfillTokens(model: LlamaModel): boolean {
  return model.tokens.infill.prefix != null && model.tokens.infill.suffix != null;
}

function logNative(log: EngineLogger, level: LlamaLogLevel, message: string): void {
  const text = message.trim();
  if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) log.error(text);
  else if (level === LlamaLogLevel.warn) log.warn(text);
  else log.debug(text);
}
