import { AppError } from '../errors/app-error.js';

// Versioned, so that the cursor's contents can change without old cursors
// being misread; opaque to clients, who must not build their own.
const PREFIX = 'p1:';

/** A cursor resuming a path-ordered listing after `path`. */
export function encodeCursor(path: string): string {
  return Buffer.from(PREFIX + path, 'utf8').toString('base64url');
}

/** The path a cursor resumes after; 422 when it is not one of ours. */
export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) {
    throw new AppError('validation_failed', 'Cursor is not one this API returned', {
      errors: [{ field: 'querystring.cursor', message: 'is not a valid cursor' }],
    });
  }
  return text.slice(PREFIX.length);
}

/** Where a listing page starts: after a cursor's path, or at an offset, never both. */
export function pageStartOf(query: { cursor?: string; offset?: number }) {
  if (query.cursor !== undefined && query.offset !== undefined) {
    throw new AppError('validation_failed', 'Use either cursor or offset, not both', {
      errors: [
        { field: 'querystring.cursor', message: 'must not be combined with offset' },
        { field: 'querystring.offset', message: 'must not be combined with cursor' },
      ],
    });
  }
  return {
    offset: query.offset,
    afterPath: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
  };
}
