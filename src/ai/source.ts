import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { isWellFormedText } from '../files/content.js';
import { findFileInScope } from '../repositories/file-reads.js';
import type { FileScope } from '../repositories/files.js';
import type { CodeSource } from './operations.js';

export interface SourceFields {
  code?: string;
  file_id?: string;
  language?: string;
}

export interface Cursor {
  line: number;
  column: number;
}

const DEFAULT_LANGUAGE = 'plaintext';

/**
 * Exactly one of `code` and `file_id` names what an operation works on. A
 * file is looked up in `scope`: a workspace, or a user id for their
 * personal workspace.
 */
export async function resolveSource(
  db: Db,
  scope: FileScope | string,
  fields: SourceFields,
): Promise<CodeSource> {
  if ((fields.code === undefined) === (fields.file_id === undefined)) {
    throw new AppError('validation_failed', 'Give exactly one of `code` and `file_id`', {
      errors: [{ field: 'body.code', message: 'exactly one of code and file_id is required' }],
    });
  }
  if (fields.code !== undefined) {
    if (!isWellFormedText(fields.code)) {
      throw new AppError('invalid_content', 'Code must be valid Unicode text (lone surrogate)', {
        errors: [{ field: 'body.code', message: 'contains a lone surrogate' }],
      });
    }
    return { code: fields.code, language: fields.language ?? DEFAULT_LANGUAGE };
  }

  const fileScope = typeof scope === 'string' ? { userId: scope } : scope;
  const file = await findFileInScope(db, fileScope, fields.file_id as string);
  if (!file) throw new AppError('file_not_found', `No file with id ${fields.file_id}`);
  return {
    code: file.content,
    language: fields.language ?? file.language,
    path: file.path,
    file: { id: file.id, version: file.version, language: file.language },
  };
}

/** Offset of a 1-based line and column, or an error naming the field. */
export function offsetOf(code: string, cursor: Cursor): number {
  let offset = 0;
  for (let line = 1; line < cursor.line; line += 1) {
    const next = code.indexOf('\n', offset);
    if (next === -1) throw cursorOutside('body.cursor.line', 'is past the last line');
    offset = next + 1;
  }

  const lineEnd = code.indexOf('\n', offset);
  const length = (lineEnd === -1 ? code.length : lineEnd) - offset;
  if (cursor.column - 1 > length) {
    throw cursorOutside('body.cursor.column', `is past the end of line ${cursor.line}`);
  }
  return offset + cursor.column - 1;
}

function cursorOutside(field: string, message: string): AppError {
  return new AppError('validation_failed', `The cursor ${message}`, {
    errors: [{ field, message }],
  });
}
