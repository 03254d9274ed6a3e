import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

/** A small project whose shape fixes the ranking: util.py is used by everyone. */
const PROJECT: Record<string, string> = {
  'util.py': [
    'def slugify(text):',
    '    return text.lower().replace(" ", "-")',
    '',
    'def clamp(value, low, high):',
    '    return max(low, min(high, value))',
    '',
  ].join('\n'),
  'titles.py': [
    'from util import slugify',
    '',
    'def make_title(name):',
    '    return slugify(name).title()',
    '',
  ].join('\n'),
  'pages.py': [
    'from util import slugify, clamp',
    '',
    'class Page:',
    '    def render(self, name, size):',
    '        return slugify(name) * clamp(size, 1, 3)',
    '',
  ].join('\n'),
  'menu.ts': [
    "import { slugify, clamp } from './util';",
    '',
    'export function menuItem(label: string, depth: number): string {',
    '  return slugify(label) + "-" + clamp(depth, 0, 5);',
    '}',
    '',
  ].join('\n'),
  'report.py': [
    'from titles import make_title',
    '',
    'def heading(topic):',
    '    return make_title(topic)',
    '',
  ].join('\n'),
  'lonely.py': 'def unused_helper():\n    return 42\n',
  'README.md': '# Project\n',
};

interface Entry {
  file_id: string;
  path: string;
  name: string;
  kind: string;
  signature: string;
  line: number;
  rank: number;
}

describe('GET /repo-map', () => {
  let t: TestApp;
  let user: FilesUser;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await buildTestApp();
    user = await addFilesUser(t.app, 'mapper');
    for (const [path, content] of Object.entries(PROJECT)) {
      ids.set(path, (await postFile(t.app, user, { path, content })).id);
    }
  });
  afterAll(() => t.close());

  const map = async (query: string) => {
    const res = await t.app.inject({ url: `/api/v1/repo-map${query}`, headers: user.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('ranks the module every file uses first and unused code far below', async () => {
    const body = await map('?budget=2048');

    const names = body.entries.map((e: Entry) => e.name);
    expect(new Set(names.slice(0, 2))).toEqual(new Set(['slugify', 'clamp']));
    const rank = (name: string) => body.entries.find((e: Entry) => e.name === name).rank;
    expect(rank('unused_helper')).toBeLessThan(rank('make_title') / 10);
    expect(names.indexOf('make_title')).toBeLessThan(names.indexOf('heading'));
    expect(body).toMatchObject({ files_considered: 6, files_parsed: 6, token_count: 'estimate' });
    expect(body.entries[0]).toMatchObject({ path: 'util.py', file_id: ids.get('util.py') });
    expect(body.text).toContain(
      'util.py:\n  1: def slugify(text):\n  4: def clamp(value, low, high):',
    );
  });

  it('keeps the map within the token budget, best entries first', async () => {
    const full = await map('?budget=2048');
    const small = await map('?budget=24');

    expect(small.tokens).toBeLessThanOrEqual(24);
    expect(small.entries.length).toBeGreaterThan(0);
    expect(small.entries.length).toBeLessThan(full.entries.length);
    expect(small.entries.map((e: Entry) => e.name)).toEqual(
      full.entries.slice(0, small.entries.length).map((e: Entry) => e.name),
    );
  });

  it('ranks toward a given file', async () => {
    const body = await map(`?budget=2048&file_id=${ids.get('report.py')}`);

    expect(body.entries[0]).toMatchObject({ name: 'make_title', path: 'titles.py' });
  });

  it('answers 404 for a focus file that is not the caller’s, and 422 for a bad budget', async () => {
    const missing = await t.app.inject({
      url: '/api/v1/repo-map?file_id=f_nothing',
      headers: user.auth,
    });
    const bad = await t.app.inject({ url: '/api/v1/repo-map?budget=1', headers: user.auth });

    expect(missing.statusCode).toBe(404);
    expect(bad.statusCode).toBe(422);
  });

  it('is empty for a user without files', async () => {
    const other = await addFilesUser(t.app, 'empty-mapper');

    const res = await t.app.inject({ url: '/api/v1/repo-map', headers: other.auth });

    expect(res.json()).toMatchObject({ entries: [], text: '', tokens: 0, files_considered: 0 });
  });
});
