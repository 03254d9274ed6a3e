import type { IncomingHttpHeaders } from 'node:http';
import type { FileRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { fileEtag, ifMatchPasses, ifNoneMatchPasses } from './etag.js';

/** The version a write must still find; only a conditional request pins one. */
export interface WriteCondition {
  expectedVersion?: number;
}

/**
 * Evaluates a write's conditions against the file as read, in the order of
 * RFC 9110, section 13.2.2, and answers 412 when one fails (for a write a
 * matching If-None-Match is 412 too, not 304). A request with If-Match pins
 * the version it was checked against, so a writer that overtakes us between
 * this check and the UPDATE still makes ours fail.
 */
export function checkWriteConditions(headers: IncomingHttpHeaders, file: FileRow): WriteCondition {
  const etag = fileEtag(file.id, file.version);
  if (!ifMatchPasses(headers['if-match'], etag)) {
    throw new AppError('precondition_failed', 'If-Match does not match the current ETag');
  }
  if (!ifNoneMatchPasses(headers['if-none-match'], etag)) {
    throw new AppError('precondition_failed', 'If-None-Match matches the current ETag');
  }
  return headers['if-match'] === undefined ? {} : { expectedVersion: file.version };
}

/** A write that found no row: a conditional one lost a race, else the file went. */
export function lostWriteError(file: FileRow, condition: WriteCondition): AppError {
  if (condition.expectedVersion !== undefined) {
    return new AppError('precondition_failed', 'The file changed since it was read');
  }
  return new AppError('file_not_found', `No file with id "${file.id}"`);
}
