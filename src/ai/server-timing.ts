import type { Timings } from '../engines/engine.js';

/** The `Server-Timing` header value (W3C Server Timing) for a generation. */
export function serverTiming(timings: Timings): string {
  const metric = (name: string, ms: number, desc: string) =>
    `${name};dur=${ms.toFixed(1)};desc="${desc}"`;
  return [
    metric('queue', timings.queueMs, 'Waiting for the engine'),
    metric('prompt', timings.promptMs, 'Reading the prompt'),
    metric('generation', timings.generationMs, 'Generating'),
  ].join(', ');
}
