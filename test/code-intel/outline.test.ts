import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

interface Sym {
  name: string;
  kind: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  signature: string;
  children: Sym[];
}

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/code-intel/${name}`, import.meta.url), 'utf8');

/** One real file per language, with symbols whose kind, lines and signature are known. */
const CASES = [
  {
    file: 'bisect.py',
    language: 'python',
    symbol: { path: ['bisect_right'], kind: 'function', lines: [19, 50] },
    signature: 'def bisect_right(a, x, lo=0, hi=None, *, key=None):',
    import: 'from _bisect import *',
  },
  {
    file: 'stream.ts',
    language: 'typescript',
    symbol: { path: ['EventSourceParserStream', 'constructor'], kind: 'method', lines: [69, 103] },
    signature: 'constructor({onError, onRetry, onComment, maxBufferSize}: StreamOptions = {})',
    import: "import {createParser} from './parse.ts'",
  },
  {
    file: 'Provider.tsx',
    language: 'tsx',
    symbol: { path: ['ProviderProps'], kind: 'interface', lines: [7, 9] },
    signature: 'interface ProviderProps extends IValueMap',
    import: 'import React from "react"',
  },
  {
    file: 'argument.js',
    language: 'javascript',
    symbol: { path: ['Argument', 'choices'], kind: 'method', lines: [98, 112] },
    signature: 'choices(values)',
    import: "require('./error.js')",
  },
  {
    file: 'socket.go',
    language: 'go',
    symbol: { path: ['Listen'], kind: 'method', lines: [47, 53] },
    signature: 'func (s Socket) Listen() (net.Listener, error)',
    import: '"net"',
  },
  {
    file: 'error_codes_main.rs',
    language: 'rust',
    symbol: { path: ['OutputFormat', 'from'], kind: 'method', lines: [44, 50] },
    signature: 'fn from(format: &str) -> OutputFormat',
    import: 'use std::env;',
  },
  {
    file: 'StringJoiner.java',
    language: 'java',
    symbol: { path: ['StringJoiner', 'merge'], kind: 'method', lines: [227, 234] },
    signature: 'public StringJoiner merge(StringJoiner other)',
    import: 'import jdk.internal.access.JavaLangAccess;',
  },
  {
    file: 'extension.cpp',
    language: 'cpp',
    symbol: { path: ['StrongRef', '~StrongRef'], kind: 'method', lines: [43, 45] },
    signature: '~StrongRef()',
    import: '#include "Python.h"',
  },
  {
    file: 'xxmodule.c',
    language: 'c',
    symbol: { path: ['Xxo_demo'], kind: 'function', lines: [50, 57] },
    signature: 'static PyObject * Xxo_demo(XxoObject *self, PyObject *args)',
    import: '#include "Python.h"',
  },
  {
    file: 'inventory.rb',
    language: 'ruby',
    symbol: { path: ['Inventory', 'Item', 'restock'], kind: 'method', lines: [15, 18] },
    signature: 'def restock(amount)',
    import: "require 'json'",
  },
  {
    file: 'string_util.php',
    language: 'php',
    symbol: { path: ['StringUtil', 'endsWith'], kind: 'method', lines: [37, 39] },
    signature: 'public static function endsWith($input, $suffix)',
    import: undefined,
  },
  {
    file: 'Find-VisualStudio.cs',
    language: 'csharp',
    symbol: {
      path: ['VisualStudioConfiguration', 'Main', 'JsonString'],
      kind: 'method',
      lines: [219, 222],
    },
    signature: 'private static string JsonString(string s)',
    import: 'using System.Text;',
  },
];

function findPath(symbols: Sym[], path: string[]): Sym | undefined {
  const [head, ...rest] = path;
  for (const symbol of symbols.filter((s) => s.name === head)) {
    const found = rest.length > 0 ? findPath(symbol.children, rest) : symbol;
    if (found) return found;
  }
  return undefined;
}

describe('GET /files/{id}/outline', () => {
  let t: TestApp;
  let user: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    user = await addFilesUser(t.app, 'outliner');
  });
  afterAll(() => t.close());

  const outline = (id: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/files/${id}/outline`,
      headers: { ...user.auth, ...headers },
    });

  it.each(CASES)('outlines $file as $language', async (c) => {
    const file = await postFile(t.app, user, { path: `src/${c.file}`, content: fixture(c.file) });
    expect(file.language, c.file).toBe(c.language);

    const res = await outline(file.id);

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ language: c.language, parsed: true, version: 1 });
    const symbol = findPath(body.symbols, c.symbol.path);
    expect(symbol, c.symbol.path.join('.')).toBeDefined();
    expect(symbol?.kind).toBe(c.symbol.kind);
    expect([symbol?.range.start.line, symbol?.range.end.line]).toEqual(c.symbol.lines);
    expect(symbol?.signature).toBe(c.signature);
    if (c.import) expect(body.imports.map((i: { text: string }) => i.text)).toContain(c.import);
  });

  it('reports clean real files without parse errors, and macros C++ cannot read as errors', async () => {
    const clean = await postFile(t.app, user, {
      path: 'clean/bisect.py',
      content: fixture('bisect.py'),
    });
    const macros = await postFile(t.app, user, {
      path: 'clean/xxmodule.c',
      content: fixture('xxmodule.c'),
    });

    expect((await outline(clean.id)).json().errors).toEqual([]);
    const errors = (await outline(macros.id)).json().errors;
    expect(errors[0]).toMatchObject({ kind: 'error', range: { start: { line: 23, column: 5 } } });
    expect(errors[0].snippet).toContain('PyObject *x_attr;');
  });

  it('locates errors and missing tokens in broken code', async () => {
    const file = await postFile(t.app, user, {
      path: 'broken.ts',
      content: 'function ok() {\n  return 1;\n}\nfunction broken( {\n',
    });

    const body = (await outline(file.id)).json();

    expect(body.parsed).toBe(true);
    expect(body.symbols.map((s: Sym) => s.name)).toContain('ok');
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0].range.start.line).toBe(4);
  });

  it('treats languages without a grammar as plain text', async () => {
    const file = await postFile(t.app, user, { path: 'notes.md', content: '# Title\n\ntext\n' });

    const res = await outline(file.id);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      file_id: file.id,
      version: 1,
      language: 'markdown',
      parsed: false,
      symbols: [],
      imports: [],
      errors: [],
    });
  });

  it('answers 304 to If-None-Match with the file ETag, and 404 for others', async () => {
    const file = await postFile(t.app, user, { path: 'etag.py', content: 'def f():\n  pass\n' });
    const other = await addFilesUser(t.app, 'stranger');

    const res = await outline(file.id, { 'if-none-match': file.etag });
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/v1/files/${file.id}/outline`,
      headers: other.auth,
    });

    expect(res.statusCode).toBe(304);
    expect(res.headers.etag).toBe(file.etag);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('file_not_found');
  });
});
