import { cpp } from '@codemirror/lang-cpp';
import { css } from '@codemirror/lang-css';
import { go } from '@codemirror/lang-go';
import { html } from '@codemirror/lang-html';
import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { markdown } from '@codemirror/lang-markdown';
import { php } from '@codemirror/lang-php';
import { python } from '@codemirror/lang-python';
import { rust } from '@codemirror/lang-rust';
import type { Extension } from '@codemirror/state';

const LANGUAGES: Record<string, () => Extension> = {
  python: () => python(),
  javascript: () => javascript({ jsx: true }),
  jsx: () => javascript({ jsx: true }),
  typescript: () => javascript({ typescript: true }),
  tsx: () => javascript({ typescript: true, jsx: true }),
  json: () => json(),
  markdown: () => markdown(),
  go: () => go(),
  rust: () => rust(),
  java: () => java(),
  c: () => cpp(),
  cpp: () => cpp(),
  css: () => css(),
  html: () => html(),
  php: () => php(),
};

/** Syntax highlighting for the server's language id; plain text when unknown. */
export function languageExtension(language: string): Extension {
  return LANGUAGES[language]?.() ?? [];
}
