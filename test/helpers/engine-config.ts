import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import type { Config, ConfigInput } from '../../src/config/schema.js';
import type { Engine, EngineState, EngineStatus } from '../../src/engines/engine.js';

export const quietLog = pino({ level: 'silent' });

/** A validated config in a fresh data folder, on one thread as the tests need. */
export function engineConfig(overrides: Partial<ConfigInput> = {}): Config {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atelier-engine-'));
  return loadConfig(
    {},
    {
      dataDir,
      secretKey: 'test-secret-key-that-is-long-enough-0123456789',
      engineThreads: 1,
      engineContextSize: 1024,
      engineParallel: 2,
      modelDownload: false,
      ...overrides,
    },
  );
}

/** Polls until the engine settles in one of `states`, failing after `timeoutMs`. */
export async function waitForState(
  engine: Engine,
  states: EngineState[],
  timeoutMs = 30_000,
): Promise<EngineStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = engine.status();
    if (states.includes(status.state)) return status;
    if (Date.now() > deadline) {
      throw new Error(`engine stayed ${status.state}: ${status.detail ?? ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
