import { createHash } from 'node:crypto';

/** Blocks shorter than this many non-blank lines are not reported. */
export const MIN_DUPLICATE_LINES = 4;

export interface DuplicateBlock {
  /** 1-based first and last lines of each copy, in order of appearance. */
  occurrences: { start_line: number; end_line: number }[];
  lines: number;
}

interface Line {
  number: number;
  text: string;
}

function meaningfulLines(code: string): Line[] {
  return code
    .split('\n')
    .map((raw, index) => ({ number: index + 1, text: raw.trim().replace(/\s+/g, ' ') }))
    .filter((line) => line.text.length > 1);
}

/** A run of matching windows: copies start at `first` and `second`, `length` lines long. */
interface Run {
  first: number;
  second: number;
  length: number;
}

function blockOf(lines: Line[], run: Run): DuplicateBlock {
  const copy = (start: number) => ({
    start_line: (lines[start] as Line).number,
    end_line: (lines[start + run.length - 1] as Line).number,
  });
  return { occurrences: [copy(run.first), copy(run.second)], lines: run.length };
}

function windowKey(lines: Line[], at: number, size: number): string {
  const text = lines
    .slice(at, at + size)
    .map((l) => l.text)
    .join('\n');
  return createHash('sha1').update(text).digest('base64');
}

/**
 * Repeated runs of at least `minLines` lines (compared with whitespace
 * collapsed, blank lines ignored). Windows of `minLines` lines are hashed;
 * overlapping matches that continue line by line merge into one block.
 */
export function findDuplicateBlocks(
  code: string,
  minLines = MIN_DUPLICATE_LINES,
): DuplicateBlock[] {
  const lines = meaningfulLines(code);
  const firstSeen = new Map<string, number>();
  const pairs: { first: number; second: number }[] = [];
  for (let at = 0; at + minLines <= lines.length; at += 1) {
    const key = windowKey(lines, at, minLines);
    const seen = firstSeen.get(key);
    if (seen === undefined) firstSeen.set(key, at);
    else if (seen + minLines <= at) pairs.push({ first: seen, second: at });
  }

  const blocks: DuplicateBlock[] = [];
  let run: Run | undefined;
  for (const pair of pairs) {
    const step = run ? run.length - minLines + 1 : 0;
    if (run && pair.first === run.first + step && pair.second === run.second + step) {
      run.length += 1;
      continue;
    }
    if (run) blocks.push(blockOf(lines, run));
    run = { ...pair, length: minLines };
  }
  if (run) blocks.push(blockOf(lines, run));
  return blocks;
}
