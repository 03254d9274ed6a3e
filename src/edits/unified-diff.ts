import { applyPatch, parsePatch, type StructuredPatch } from 'diff';
import { AppError } from '../errors/app-error.js';
import { editConflict } from './edit-conflict.js';

function invalidDiff(message: string, cause?: unknown): AppError {
  return new AppError('invalid_diff', `The diff ${message}`, {
    errors: [{ field: 'body.diff', message }],
    cause,
  });
}

function parseSingle(diff: string): StructuredPatch {
  let patches: StructuredPatch[];
  try {
    patches = parsePatch(diff);
  } catch (err) {
    throw invalidDiff(`cannot be parsed: ${(err as Error).message}`, err);
  }
  const withHunks = patches.filter((patch) => patch.hunks.length > 0);
  if (withHunks.length !== 1) {
    throw invalidDiff(`must change exactly one file (it changes ${withHunks.length})`);
  }
  const patch = withHunks[0] as StructuredPatch;
  if (patch.oldFileName === '/dev/null' || patch.newFileName === '/dev/null') {
    throw invalidDiff('creates or deletes a file; edits change an existing one');
  }
  const unnumbered = patch.hunks.findIndex(
    (hunk) => !Number.isInteger(hunk.oldStart) || !Number.isInteger(hunk.newStart),
  );
  if (unnumbered !== -1) throw invalidDiff(`hunk ${unnumbered + 1} has no line numbers`);
  return patch;
}

function oldLinesOf(patch: StructuredPatch, index: number): string {
  return (patch.hunks[index]?.lines ?? [])
    .filter((line) => line.startsWith(' ') || line.startsWith('-'))
    .map((line) => line.slice(1))
    .join('\n');
}

/**
 * jsdiff looks for a misplaced hunk outward from its stated line, one line
 * at a time, so a start line of a billion would hold the event loop for a
 * minute. A hunk cannot start past the end of the file it applies to.
 */
function refuseHunksPastTheEnd(code: string, patch: StructuredPatch): void {
  const lineCount = code.split('\n').length;
  const index = patch.hunks.findIndex((hunk) => hunk.oldStart > lineCount + 1);
  if (index === -1) return;
  const start = patch.hunks[index]?.oldStart;
  const message = `the hunk starts at line ${start}, past the end of the file`;
  throw editConflict(code, index, oldLinesOf(patch, index), message);
}

/**
 * Applies a one-file unified diff exactly (no fuzz). A hunk that does not
 * fit is a 409 naming the first such hunk and the region most like its
 * old lines.
 */
export function applyUnifiedDiff(code: string, diff: string): string {
  const patch = parseSingle(diff);
  refuseHunksPastTheEnd(code, patch);
  const result = applyPatch(code, patch);
  if (result !== false) return result;

  const failing = patch.hunks.findIndex(
    (hunk) => applyPatch(code, { ...patch, hunks: [hunk] }) === false,
  );
  const index = failing === -1 ? 0 : failing;
  throw editConflict(code, index, oldLinesOf(patch, index), 'the hunk does not match the file');
}
