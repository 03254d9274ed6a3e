import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AtelierClient, ProblemError, unwrap } from '@atelier/client';
import type { Command } from 'commander';
import { UsageError } from './exit-codes.js';
import { connect } from './remote.js';
import { findFile, listFiles, readFileWithEtag } from './stored-files.js';
import { formatTable, printJson } from './table.js';

interface JsonOption {
  json?: boolean;
}

/** Local files under the given paths; folders are walked, hidden entries skipped. */
async function localFiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const given of paths) {
    if (!(await stat(given)).isDirectory()) {
      found.push(given);
      continue;
    }
    const entries = await readdir(given, { withFileTypes: true });
    const children = entries
      .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
      .map((entry) => path.join(given, entry.name))
      .sort();
    found.push(...(await localFiles(children)));
  }
  return found;
}

/** The stored path of a local file: relative to the current folder, with `/`. */
function storedPathOf(local: string, as?: string): string {
  if (as !== undefined) return as;
  const relative = path.relative(process.cwd(), path.resolve(local));
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`${local} is outside the current folder: give --as PATH`);
  }
  return relative.split(path.sep).join('/');
}

async function pushOne(client: AtelierClient, local: string, target: string) {
  const content = await readFile(local, 'utf8');
  const existing = await findFile(client, target);
  if (!existing) {
    const file = await unwrap(
      client.api.POST('/api/v1/files', { body: { path: target, content } }),
    );
    return { path: target, id: file.id, version: file.version, action: 'created' };
  }

  const hash = createHash('sha256').update(content).digest('hex');
  if (hash === existing.content_hash) {
    return { path: target, id: existing.id, version: existing.version, action: 'unchanged' };
  }
  const { etag } = await readFileWithEtag(client, existing.id);
  const file = await unwrap(
    client.api.PUT('/api/v1/files/{file_id}', {
      params: { path: { file_id: existing.id } },
      headers: { 'if-match': etag },
      body: { content },
    }),
  );
  return { path: target, id: file.id, version: file.version, action: 'updated' };
}

async function push(paths: string[], options: JsonOption & { as?: string }) {
  const files = await localFiles(paths);
  if (options.as !== undefined && files.length !== 1) {
    throw new UsageError('--as names one file; give a single file with it');
  }
  const { client } = await connect();

  const results = [];
  for (const local of files) {
    const result = await pushOne(client, local, storedPathOf(local, options.as));
    results.push(result);
    if (!options.json) console.log(`${result.action} ${result.path} (version ${result.version})`);
  }
  if (options.json) printJson(results);
}

async function writeLocal(target: string, content: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
}

/** Where a pulled file goes: its stored path under the destination folder. */
function pullTarget(storedPath: string, destination: string | undefined, single: boolean) {
  if (single && destination !== undefined) return destination;
  return path.join(destination ?? '.', ...storedPath.split('/'));
}

async function pull(storedPath: string, destination: string | undefined, options: JsonOption) {
  const { client } = await connect();
  const exact = await findFile(client, storedPath);
  const files = exact ? [exact] : await listFiles(client, storedPath);
  if (files.length === 0) {
    throw new ProblemError(404, {
      code: 'file_not_found',
      detail: `no stored file at ${storedPath}`,
    });
  }

  const results = [];
  for (const stored of files) {
    const { file } = await readFileWithEtag(client, stored.id);
    if (exact && destination === '-') return void process.stdout.write(file.content);

    const target = pullTarget(file.path, destination, exact !== undefined);
    await writeLocal(target, file.content);
    results.push({ path: file.path, version: file.version, written: target });
    if (!options.json) console.log(`pulled ${file.path} (version ${file.version}) to ${target}`);
  }
  if (options.json) printJson(results);
}

async function ls(prefix: string | undefined, options: JsonOption) {
  const { client } = await connect();
  const files = await listFiles(client, prefix);

  if (options.json) return printJson(files);
  const header = ['PATH', 'LANGUAGE', 'SIZE', 'VERSION', 'UPDATED'];
  const rows = files.map((f) => [
    f.path,
    f.language,
    String(f.size),
    String(f.version),
    f.updated_at,
  ]);
  console.log(formatTable([header, ...rows]));
}

async function rm(paths: string[], options: JsonOption) {
  const { client } = await connect();
  const removed = [];
  for (const storedPath of paths) {
    const file = await findFile(client, storedPath);
    if (!file) {
      throw new ProblemError(404, {
        code: 'file_not_found',
        detail: `no stored file at ${storedPath}`,
      });
    }
    await unwrap(
      client.api.DELETE('/api/v1/files/{file_id}', { params: { path: { file_id: file.id } } }),
    );
    removed.push({ path: storedPath, id: file.id });
    if (!options.json) console.log(`removed ${storedPath} (its history is kept; see the trash)`);
  }
  if (options.json) printJson(removed);
}

export function registerFileCommands(program: Command): void {
  const files = program
    .command('files')
    .description('your stored files on the server of `atelier login`');

  files
    .command('push')
    .description('upload local files (folders are walked); new versions of changed files')
    .argument('<paths...>', 'local files or folders, stored under their path from here')
    .option('--as <path>', 'store a single file under this path instead')
    .option('--json', 'print JSON')
    .action(push);

  files
    .command('pull')
    .description('download a stored file, or every file under a path prefix')
    .argument('<path>', 'stored path, or a prefix such as src/')
    .argument(
      '[destination]',
      'local file (one stored file; - for stdout) or folder (a prefix); default: here',
    )
    .option('--json', 'print JSON')
    .action(pull);

  files
    .command('ls')
    .description('list stored files')
    .argument('[prefix]', 'only paths starting with this')
    .option('--json', 'print JSON')
    .action(ls);

  files
    .command('rm')
    .description('delete stored files (they go to the trash)')
    .argument('<paths...>', 'stored paths')
    .option('--json', 'print JSON')
    .action(rm);
}
