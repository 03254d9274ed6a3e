import type { LogStream } from '../../src/logger.js';

export interface LogCapture {
  stream: LogStream;
  /** Every line written so far, parsed. */
  lines: () => Record<string, unknown>[];
}

/** A log destination that keeps the lines, so tests can assert on them. */
export function captureLogs(): LogCapture {
  const written: string[] = [];
  return {
    stream: { write: (line) => void written.push(line) },
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
