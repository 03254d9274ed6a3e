import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    tinyModelPath: string;
  }
}

/** The tiny GGUF model written by the global setup. */
export function tinyModelPath(): string {
  return inject('tinyModelPath');
}
