import type { FastifyRequest } from 'fastify';
import type { Suggestion } from '../../ai/refactor-suggestions.js';
import { currentUser } from '../../auth/authenticate.js';
import type { FileRow } from '../../db/schema.js';
import { editFile } from '../../edits/file-edits.js';
import { AppError } from '../../errors/app-error.js';
import { fileEtag } from '../../files/etag.js';
import { toFileWithContent } from '../../files/file-view.js';
import { checkWriteConditions } from '../../files/preconditions.js';
import { scopeOf } from '../../workspaces/scope.js';
import { findScopedFile } from './file-scope.js';

export interface ApplyFields {
  file_id?: string;
  apply?: boolean;
  apply_indices?: number[];
  expected_version?: number;
  force?: boolean;
}

/** The file a refactoring will be applied to, pinned at the version the caller saw. */
export interface PinnedFile {
  file: FileRow;
  expectedVersion: number;
}

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `\`${field}\` ${message}`, {
    errors: [{ field: `body.${field}`, message }],
  });
}

/**
 * Checks, before anything is generated, that the suggestions could be
 * applied: a stored file, and the version the caller saw (If-Match or
 * `expected_version`; 428 without either, 412 when stale).
 */
export async function pinRefactorTarget(
  request: FastifyRequest,
  body: ApplyFields,
): Promise<PinnedFile | undefined> {
  if (!body.apply) return undefined;
  if (body.file_id === undefined) throw invalid('file_id', 'is required with apply');
  // Applying writes the file with the model's output: both rights are needed.
  await scopeOf(request, 'ai');
  const file = await findScopedFile(request, body.file_id, 'write');

  const hasIfMatch = request.headers['if-match'] !== undefined;
  if (!hasIfMatch && body.expected_version === undefined) {
    throw new AppError(
      'precondition_required',
      "Send If-Match with the file's ETag, or expected_version, to apply suggestions",
    );
  }
  checkWriteConditions(request.headers, file);
  if (body.expected_version !== undefined && body.expected_version !== file.version) {
    throw new AppError('precondition_failed', `The file is at version ${file.version}`);
  }
  return { file, expectedVersion: file.version };
}

/** Applies the chosen suggestions through the edit path: atomic, conflict- and syntax-checked. */
export async function applySuggestions(
  request: FastifyRequest,
  pinned: PinnedFile,
  suggestions: Suggestion[],
  body: ApplyFields,
  model: string,
) {
  const indices = body.apply_indices ?? suggestions.map((_, index) => index);
  const outside = indices.find((index) => index >= suggestions.length);
  if (outside !== undefined) {
    throw invalid('apply_indices', `names suggestion ${outside}; there are ${suggestions.length}`);
  }
  const edits = indices.map((index) => (suggestions[index] as Suggestion).edit);

  const outcome = await editFile(
    request.server.db,
    pinned.file,
    { edits },
    {
      force: body.force ?? false,
      dryRun: false,
      expectedVersion: pinned.expectedVersion,
      maxBytes: request.server.config.maxFileBytes,
      meta: {
        authorId: currentUser(request).id,
        reason: 'ai-edit',
        operation: 'refactor',
        model,
      },
    },
  );
  return {
    indices,
    written: outcome.written,
    diff: outcome.diff,
    etag: fileEtag(outcome.file.id, outcome.file.version),
    file: toFileWithContent(outcome.file),
  };
}
