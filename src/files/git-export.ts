import * as fs from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import tar from 'tar-stream';
import type { VersionEntry } from '../repositories/file-versions.js';

/** The folder every entry of the archive sits in. */
export const EXPORT_ROOT = 'atelier-export';
const BRANCH = 'main';

// A stored path could name git's own folder; writing there would corrupt
// the exported repository, so such files stay out of it. So do files in a
// folder ending in "..", stored before such paths were refused: git tools
// refuse them as climbing out of the repository.
function isExportable(filePath: string): boolean {
  const folders = filePath.split('/').slice(0, -1);
  if (folders.some((segment) => segment.endsWith('..'))) return false;
  return !filePath.split('/').some((segment) => segment.toLowerCase() === '.git');
}

function commitMessage(version: VersionEntry): string {
  const detail = [version.operation, version.model].filter((part) => part !== null).join(', ');
  const subject = `${version.reason}${detail ? ` (${detail})` : ''}: ${version.path}`;
  return `${subject}\n\nAtelier file ${version.file_id}, version ${version.n}\n`;
}

function signatureOf(version: VersionEntry) {
  const name = version.author_username ?? 'unknown';
  const timestamp = Math.floor(Date.parse(version.created_at) / 1000);
  return { name, email: `${name}@atelier.invalid`, timestamp, timezoneOffset: 0 };
}

/** Removes the folders `filePath` leaves empty, so a file may take their name. */
async function removeEmptyFolders(dir: string, filePath: string): Promise<void> {
  let folder = path.posix.dirname(filePath);
  while (folder !== '.') {
    const full = path.join(dir, folder);
    if ((await readdir(full).catch(() => ['?'])).length > 0) return;
    await rm(full, { recursive: true, force: true });
    folder = path.posix.dirname(folder);
  }
}

/** Errors of a path that is a file and a folder at once, which git cannot hold. */
const PATH_CLASHES = new Set(['EEXIST', 'EISDIR', 'ENOTDIR']);

/**
 * Applies one version to the working tree and the index. Writes refuse a
 * path that is a file and a folder at once, but histories from before that
 * rule may hold one: such a version is left out rather than failing the
 * whole export.
 */
async function applyVersion(dir: string, paths: Map<string, string>, version: VersionEntry) {
  const previous = paths.get(version.file_id);
  if (previous !== undefined && (previous !== version.path || version.content === null)) {
    await rm(path.join(dir, previous), { force: true });
    await git.remove({ fs, dir, filepath: previous });
    await removeEmptyFolders(dir, previous);
    paths.delete(version.file_id);
  }
  if (version.content === null) return;

  const target = path.join(dir, version.path);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, version.content);
  } catch (err) {
    if (PATH_CLASHES.has((err as NodeJS.ErrnoException).code ?? '')) return;
    throw err;
  }
  // Forced: every stored file is history, whatever a stored .gitignore
  // says, and the ignore check refuses segments of dots such as `...`.
  await git.add({ fs, dir, filepath: version.path, force: true });
  paths.set(version.file_id, version.path);
}

/**
 * Builds a git repository whose commits replay `history` (in write order):
 * one commit per version, authored by the version's author at its time,
 * with the reason as message. Returns the repository's folder.
 */
export async function buildGitRepository(history: VersionEntry[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'atelier-export-'));
  try {
    await git.init({ fs, dir, defaultBranch: BRANCH });
    const paths = new Map<string, string>();
    for (const version of history) {
      if (!isExportable(version.path)) continue;
      await applyVersion(dir, paths, version);
      const author = signatureOf(version);
      await git.commit({ fs, dir, message: commitMessage(version), author, committer: author });
    }
    return dir;
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

async function addTree(pack: tar.Pack, dir: string, relative: string): Promise<void> {
  for (const name of (await readdir(path.join(dir, relative))).sort()) {
    const entryPath = path.posix.join(relative, name);
    const full = path.join(dir, entryPath);
    const info = await stat(full);
    const header = { name: `${EXPORT_ROOT}/${entryPath}`, mtime: info.mtime };
    if (info.isDirectory()) {
      pack.entry({ ...header, type: 'directory', mode: 0o755 });
      await addTree(pack, dir, entryPath);
    } else {
      const body = await readFile(full);
      await new Promise<void>((resolve, reject) => {
        pack.entry({ ...header, mode: 0o644, size: body.length }, body, (err) =>
          err ? reject(err) : resolve(),
        );
      });
    }
  }
}

/**
 * Streams `dir` as a tar archive under EXPORT_ROOT and removes the folder
 * once everything is written (or writing failed).
 */
export function tarAndRemove(dir: string): tar.Pack {
  const pack = tar.pack();
  pack.entry({ name: EXPORT_ROOT, type: 'directory', mode: 0o755 });
  addTree(pack, dir, '')
    .then(() => pack.finalize())
    .catch((err: Error) => pack.destroy(err))
    .finally(() => rm(dir, { recursive: true, force: true }));
  return pack;
}
