import type { Db } from '../db/database.js';
import type { FileRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import {
  findLastContentVersion,
  findVersion,
  type VersionEntry,
  type VersionReason,
} from '../repositories/file-versions.js';
import { type FileScope, writeFileState } from '../repositories/files.js';
import { lostWriteError } from './preconditions.js';

/** A history write on a file as read, under the request's conditions. */
export interface HistoryWrite {
  scope: FileScope;
  file: FileRow;
}

/**
 * Writes the state of `version` as the file's next version. The write is
 * always pinned to the version read: a restore or undo decided against one
 * version must not land on another, so a concurrent writer makes it 412.
 */
async function writeVersionState(
  db: Db,
  write: HistoryWrite,
  version: VersionEntry,
  reason: VersionReason,
): Promise<FileRow> {
  const { scope, file } = write;
  const target = { ...scope, id: file.id, expectedVersion: file.version };
  const state = {
    path: version.path,
    language: version.language,
    content: version.content,
    size: version.size,
    contentHash: version.content_hash,
  };
  const written = await writeFileState(db, target, state, { reason, restoredFrom: version.n });
  if (!written) throw lostWriteError(file, { expectedVersion: file.version });
  return written;
}

export async function findVersionOr404(db: Db, fileId: string, n: number) {
  const version = await findVersion(db, fileId, n);
  if (!version) throw new AppError('version_not_found', `The file has no version ${n}`);
  return version;
}

/** Restores version `n`, undeleting the file if it was deleted. */
export async function restoreVersion(db: Db, write: HistoryWrite, n: number): Promise<FileRow> {
  const version = await findVersionOr404(db, write.file.id, n);
  if (version.content === null) {
    throw new AppError('version_is_deletion', `Version ${n} deleted the file; nothing to restore`);
  }
  return writeVersionState(db, write, version, 'restore');
}

/** Brings a deleted file back with the content it had before it was deleted. */
export async function restoreDeletedFile(db: Db, write: HistoryWrite): Promise<FileRow> {
  if (write.file.deleted_at === null) {
    throw new AppError('file_not_deleted', 'The file is not deleted; restore a version instead');
  }
  const version = await findLastContentVersion(db, write.file.id);
  if (!version) throw new AppError('version_not_found', 'The file has no version with content');
  return writeVersionState(db, write, version, 'restore');
}

/**
 * Reverts the most recent change: the next version equals the one before
 * it. Undoing an undo steps further back (undo of version k copies k - 1),
 * like an editor's undo stack; any other write starts the stack afresh.
 * The first version cannot be undone (delete the file instead), nor can a
 * version whose predecessor predates the history.
 */
export async function undoLastChange(db: Db, write: HistoryWrite): Promise<FileRow> {
  const latest = await findVersion(db, write.file.id, write.file.version);
  const undone = latest?.reason === 'undo' ? latest.restored_from : latest?.n;
  const previous = undone ? await findVersion(db, write.file.id, undone - 1) : undefined;
  if (!previous) {
    throw new AppError('nothing_to_undo', 'The file has no earlier version to go back to', {
      extra: { version: write.file.version },
    });
  }
  return writeVersionState(db, write, previous, 'undo');
}
