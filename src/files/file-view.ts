import type { FileRow } from '../db/schema.js';
import type { FileMetaRow } from '../repositories/files.js';

/** A file as the API shows it: never its owner, content only when asked for. */
export interface FileMeta {
  id: string;
  path: string;
  language: string;
  size: number;
  version: number;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface FileWithContent extends FileMeta {
  content: string;
}

export function toFileMeta(row: FileMetaRow): FileMeta {
  return {
    id: row.id,
    path: row.path,
    language: row.language,
    size: row.size,
    version: row.version,
    content_hash: row.content_hash,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toFileWithContent(row: FileRow): FileWithContent {
  return { ...toFileMeta(row), content: row.content };
}

/** A file after a history write, which may have deleted it. */
export interface FileStateView extends FileMeta {
  content: string | null;
  deleted_at: string | null;
}

export function toFileState(row: FileRow): FileStateView {
  const deleted = row.deleted_at !== null;
  return { ...toFileMeta(row), content: deleted ? null : row.content, deleted_at: row.deleted_at };
}

export interface DeletedFileView extends FileMeta {
  deleted_at: string;
}

export function toDeletedFile(row: FileMetaRow): DeletedFileView {
  return { ...toFileMeta(row), deleted_at: row.deleted_at ?? row.updated_at };
}
