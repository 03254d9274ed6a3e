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
  return withHunks[0] as StructuredPatch;
}

/**
 * Applies a one-file unified diff exactly (no fuzz). A hunk that does not
 * fit is a 409 naming the first such hunk and the region most like its
 * old lines.
 */
export function applyUnifiedDiff(code: string, diff: string): string {
  const patch = parseSingle(diff);
  const result = applyPatch(code, patch);
  if (result !== false) return result;

  const failing = patch.hunks.findIndex(
    (hunk) => applyPatch(code, { ...patch, hunks: [hunk] }) === false,
  );
  const index = failing === -1 ? 0 : failing;
  const hunk = patch.hunks[index];
  const old = (hunk?.lines ?? [])
    .filter((line) => line.startsWith(' ') || line.startsWith('-'))
    .map((line) => line.slice(1))
    .join('\n');
  throw editConflict(code, index, old, 'the hunk does not match the file');
}
