import type { FileRow } from '../db/schema.js';
import type { FileChanges, NewFile } from '../repositories/files.js';
import { checkContent } from './content.js';
import { detectLanguage } from './language.js';
import { normalizeFilePath } from './paths.js';

export interface NewFileInput {
  path: string;
  content: string;
  language?: string;
}

export type FileChangesInput = Partial<NewFileInput>;

/** Validates a new file's fields and derives what is stored beside them. */
export function prepareNewFile(userId: string, input: NewFileInput, maxBytes: number): NewFile {
  const path = normalizeFilePath(input.path);
  const facts = checkContent(input.content, maxBytes);
  return {
    userId,
    path,
    language: input.language ?? detectLanguage(path),
    content: input.content,
    ...facts,
  };
}

/**
 * A rename without a language re-detects it, unless the stored language was
 * not the one the old name implied: then a client chose it, and it stays.
 */
function languageAfter(file: FileRow, path?: string, given?: string): string | undefined {
  if (given !== undefined) return given;
  if (path === undefined || file.language !== detectLanguage(file.path)) return undefined;
  return detectLanguage(path);
}

/** Validates an update's fields against the stored file. */
export function prepareChanges(
  file: FileRow,
  input: FileChangesInput,
  maxBytes: number,
): FileChanges {
  const path = input.path === undefined ? undefined : normalizeFilePath(input.path);
  const text = input.content;
  return {
    path,
    language: languageAfter(file, path, input.language),
    content: text === undefined ? undefined : { text, ...checkContent(text, maxBytes) },
  };
}
