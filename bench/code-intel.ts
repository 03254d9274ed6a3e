import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';
import { createUser } from '../src/repositories/users.js';

/**
 * Outline and repository-map speed on a generated repository of real code:
 * JavaScript and TypeScript sources from node_modules plus Python from the
 * standard library, copied (and renamed when reused) up to FILES files.
 * Every figure goes through the HTTP routes, in process, on real SQLite.
 */
const FILES = Number(process.env.BENCH_FILES ?? 1000);
const MAX_BYTES = 24 * 1024;
const ROOTS = ['node_modules/fastify/lib', 'node_modules/zod/src', 'node_modules/kysely/dist/esm'];
const PYTHON_ROOT = '/usr/lib/python3.11';

function collect(dir: string, exts: string[], into: string[], limit: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return into;
  }
  for (const name of names) {
    if (into.length >= limit) break;
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory() && name !== 'test' && name !== 'tests') collect(full, exts, into, limit);
    const wanted = exts.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts');
    if (stat.isFile() && wanted && stat.size > 200 && stat.size < MAX_BYTES) into.push(full);
  }
  return into;
}

function sources(): { path: string; content: string }[] {
  const found: string[] = [];
  for (const root of ROOTS) collect(root, ['.js', '.ts'], found, FILES);
  collect(PYTHON_ROOT, ['.py'], found, found.length + 300);
  const files: { path: string; content: string }[] = [];
  for (let i = 0; files.length < FILES; i += 1) {
    const from = found[i % found.length] as string;
    const round = Math.floor(i / found.length);
    const name = from.replace(/^\/usr\/lib\//, 'py/').replace(/^node_modules\//, '');
    files.push({
      path: round ? `copy${round}/${name}` : name,
      content: readFileSync(from, 'utf8'),
    });
  }
  return files;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-bench-'));
const config = loadConfig({
  ATELIER_DATA_DIR: dataDir,
  ATELIER_LOG_LEVEL: 'silent',
  ATELIER_MODEL_DOWNLOAD: 'false',
  ATELIER_MODEL: path.join(dataDir, 'none.gguf'),
  ATELIER_MAX_FILE_BYTES: String(MAX_BYTES),
});
const app = await buildApp({ config });
await app.ready();
const files = sources();
const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);

/** A user holding the whole repository; two of them, so each starts with a cold cache. */
async function addRepository(name: string) {
  const user = await createUser(app.db, { username: name, passwordHash: 'x', isAdmin: false });
  const headers = { authorization: `Bearer ${await app.accessTokens.issue(user.id)}` };
  const ids: string[] = [];
  for (const file of files) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/files', headers, payload: file });
    if (res.statusCode !== 201) throw new Error(`create ${file.path}: ${res.body}`);
    ids.push(res.json().id);
  }
  const get = async (url: string) => {
    const res = await app.inject({ url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const each = async (suffix: string) => {
    for (const id of ids) await get(`/api/v1/files/${id}${suffix}`);
  };
  return { ids, get, each };
}

const outliner = await addRepository('outliner');
const mapper = await addRepository('mapper');

const [, readMs] = await timed(() => outliner.each(''));
const [, outlineColdMs] = await timed(() => outliner.each('/outline'));
const [, outlineWarmMs] = await timed(() => outliner.each('/outline'));
const [, mapColdMs] = await timed(() => mapper.get('/api/v1/repo-map?budget=2048'));
const [map, mapWarmMs] = await timed(() => mapper.get('/api/v1/repo-map?budget=2048'));
const [, mapFocusMs] = await timed(() =>
  mapper.get(`/api/v1/repo-map?budget=2048&file_id=${mapper.ids[0]}`),
);

await app.close();
await rm(dataDir, { recursive: true, force: true });

const perSecond = (ms: number) => ((files.length / ms) * 1000).toFixed(0);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
console.log(
  `${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB of real JS/TS/Python\n`,
);
console.log(row(['step', 'ms', 'files/s', 'vs reading the files']));
console.log(row(['---', '---', '---', '---']));
const steps: [string, number][] = [
  ['GET each file (baseline)', readMs],
  ['GET each outline, cold (parse)', outlineColdMs],
  ['GET each outline, cached', outlineWarmMs],
  ['GET /repo-map, cold (parses all)', mapColdMs],
  ['GET /repo-map, cached parses', mapWarmMs],
  ['GET /repo-map?file_id (personalised)', mapFocusMs],
];
for (const [name, ms] of steps) {
  console.log(row([name, ms.toFixed(0), perSecond(ms), `${(ms / readMs).toFixed(1)}×`]));
}
console.log(`\nmap: ${map.entries.length} symbols in ${map.tokens} tokens (${map.token_count})`);
