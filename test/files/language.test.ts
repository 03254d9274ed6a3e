import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';

const DETECTED: Array<[string, string]> = [
  ['main.py', 'python'],
  ['types.pyi', 'python'],
  ['app.ts', 'typescript'],
  ['mod.mts', 'typescript'],
  ['View.tsx', 'tsx'],
  ['index.js', 'javascript'],
  ['config.cjs', 'javascript'],
  ['Button.jsx', 'jsx'],
  ['main.go', 'go'],
  ['lib.rs', 'rust'],
  ['Main.java', 'java'],
  ['util.c', 'c'],
  ['util.h', 'c'],
  ['engine.cpp', 'cpp'],
  ['engine.hpp', 'cpp'],
  ['Program.cs', 'csharp'],
  ['app.rb', 'ruby'],
  ['index.php', 'php'],
  ['Main.kt', 'kotlin'],
  ['build.gradle.kts', 'kotlin'],
  ['App.swift', 'swift'],
  ['Main.scala', 'scala'],
  ['run.sh', 'shell'],
  ['schema.sql', 'sql'],
  ['index.html', 'html'],
  ['site.css', 'css'],
  ['data.json', 'json'],
  ['ci.yml', 'yaml'],
  ['ci.yaml', 'yaml'],
  ['Cargo.toml', 'toml'],
  ['README.md', 'markdown'],
  ['Makefile', 'makefile'],
  ['GNUmakefile', 'makefile'],
  ['Dockerfile', 'dockerfile'],
  ['Dockerfile.dev', 'dockerfile'],
  ['CMakeLists.txt', 'cmake'],
  ['Gemfile', 'ruby'],
  ['notes.txt', 'plaintext'],
  ['LICENSE', 'plaintext'],
  ['archive.unknownext', 'plaintext'],
  ['a.constructor', 'plaintext'],
  ['UPPER.PY', 'python'],
  ['.bashrc', 'shell'],
  ['.hidden', 'plaintext'],
];

describe('language detection', () => {
  let t: TestApp;
  let alice: FilesUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => t.close());

  it.each(DETECTED)('detects %s as %s', async (name, language) => {
    const file = await postFile(t.app, alice, { path: `detect/${name}`, content: '' });

    expect(file.language).toBe(language);
  });

  it('keeps a given language over the detected one', async () => {
    const file = await postFile(t.app, alice, {
      path: 'given/script',
      content: '#!/usr/bin/env python3\n',
      language: 'python',
    });

    expect(file.language).toBe('python');
  });
});
