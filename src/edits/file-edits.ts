import { createTwoFilesPatch } from 'diff';
import { analyzeFile } from '../code-intel/analysis-cache.js';
import { ensureSyntaxKept } from '../code-intel/syntax-guard.js';
import type { Db } from '../db/database.js';
import type { FileRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { checkContent } from '../files/content.js';
import { updateFile, type WriteMeta } from '../repositories/files.js';
import { applySearchReplace, type SearchReplace } from './search-replace.js';
import { applyUnifiedDiff } from './unified-diff.js';

/** Search/replace edits (the shape refactor suggestions carry) or a unified diff. */
export type EditInput = { edits: SearchReplace[] } | { diff: string };

export interface EditOptions {
  /** Apply even if the result has syntax errors the file did not have. */
  force: boolean;
  dryRun: boolean;
  /** The version the caller saw; the write fails (412) if the file moved on. */
  expectedVersion: number;
  maxBytes: number;
  /** Who writes and why, for the file's history. */
  meta: WriteMeta;
}

export interface EditOutcome {
  /** The file after the write, or as it was on a dry run or a no-op. */
  file: FileRow;
  written: boolean;
  diff: string;
  size: number;
  contentHash: string;
}

function applyInput(code: string, input: EditInput): string {
  return 'diff' in input
    ? applyUnifiedDiff(code, input.diff)
    : applySearchReplace(code, input.edits);
}

/**
 * Applies edits to a file all at once: they are applied in memory first,
 * checked (size, content, syntax), and only then written in one UPDATE
 * pinned to the expected version; any failure writes nothing.
 */
export async function editFile(
  db: Db,
  file: FileRow,
  input: EditInput,
  options: EditOptions,
): Promise<EditOutcome> {
  if (file.version !== options.expectedVersion) throw changedSinceRead();
  const after = applyInput(file.content, input);
  const facts = checkContent(after, options.maxBytes);
  if (!options.force) {
    const before = await analyzeFile(file);
    const beforeErrors = before.parsed ? before.errors : undefined;
    await ensureSyntaxKept(file.language, file.content, after, beforeErrors);
  }

  const name = file.path;
  const diff = createTwoFilesPatch(`a/${name}`, `b/${name}`, file.content, after, '', '');
  const outcome = { file, written: false, diff, ...facts };
  if (options.dryRun || after === file.content) return outcome;

  const target = {
    userId: file.user_id,
    workspaceId: file.workspace_id,
    id: file.id,
    expectedVersion: options.expectedVersion,
  };
  const changes = { content: { text: after, ...facts } };
  const updated = await updateFile(db, target, changes, options.meta);
  if (!updated) throw changedSinceRead();
  return { ...outcome, file: updated, written: true };
}

function changedSinceRead(): AppError {
  return new AppError('precondition_failed', 'The file changed since it was read');
}
