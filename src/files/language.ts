/** What a client-given language must look like: a short lowercase identifier. */
export const LANGUAGE_PATTERN = '^[a-z][a-z0-9_+-]{0,31}$';

export const FALLBACK_LANGUAGE = 'plaintext';

// Maps, not plain objects: a file named `a.constructor` must not find
// Object.prototype's members.
function table(entries: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(entries));
}

/** Whole file names that say their language without (or despite) an extension. */
const LANGUAGE_BY_NAME = table({
  makefile: 'makefile',
  gnumakefile: 'makefile',
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  'cmakelists.txt': 'cmake',
  gemfile: 'ruby',
  rakefile: 'ruby',
  podfile: 'ruby',
  vagrantfile: 'ruby',
  brewfile: 'ruby',
  justfile: 'just',
  jenkinsfile: 'groovy',
  'build.gradle': 'groovy',
  'go.mod': 'go-mod',
  'go.sum': 'go-sum',
  'cargo.lock': 'toml',
  'package.json': 'json',
  'tsconfig.json': 'jsonc',
  '.bashrc': 'shell',
  '.bash_profile': 'shell',
  '.zshrc': 'shell',
  '.profile': 'shell',
  '.gitignore': 'ignore',
  '.dockerignore': 'ignore',
  '.gitattributes': 'gitattributes',
  '.editorconfig': 'ini',
  '.env': 'dotenv',
});

const LANGUAGE_BY_EXTENSION = table({
  py: 'python',
  pyi: 'python',
  pyw: 'python',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'jsx',
  go: 'go',
  rs: 'rust',
  java: 'java',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  'c++': 'cpp',
  hh: 'cpp',
  hpp: 'cpp',
  hxx: 'cpp',
  cs: 'csharp',
  rb: 'ruby',
  php: 'php',
  kt: 'kotlin',
  kts: 'kotlin',
  swift: 'swift',
  scala: 'scala',
  sc: 'scala',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ksh: 'shell',
  fish: 'fish',
  ps1: 'powershell',
  psm1: 'powershell',
  bat: 'bat',
  cmd: 'bat',
  sql: 'sql',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  css: 'css',
  scss: 'scss',
  sass: 'sass',
  less: 'less',
  json: 'json',
  jsonc: 'jsonc',
  json5: 'json5',
  ndjson: 'jsonl',
  jsonl: 'jsonl',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  xml: 'xml',
  svg: 'xml',
  xsd: 'xml',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'mdx',
  rst: 'restructuredtext',
  tex: 'latex',
  txt: 'plaintext',
  csv: 'csv',
  tsv: 'tsv',
  lua: 'lua',
  pl: 'perl',
  pm: 'perl',
  r: 'r',
  dart: 'dart',
  ex: 'elixir',
  exs: 'elixir',
  erl: 'erlang',
  hrl: 'erlang',
  hs: 'haskell',
  ml: 'ocaml',
  mli: 'ocaml',
  fs: 'fsharp',
  fsx: 'fsharp',
  clj: 'clojure',
  cljs: 'clojure',
  groovy: 'groovy',
  gradle: 'groovy',
  vue: 'vue',
  svelte: 'svelte',
  zig: 'zig',
  nim: 'nim',
  jl: 'julia',
  m: 'objective-c',
  mm: 'objective-cpp',
  proto: 'protobuf',
  graphql: 'graphql',
  gql: 'graphql',
  tf: 'terraform',
  hcl: 'hcl',
  mk: 'makefile',
  cmake: 'cmake',
  dockerfile: 'dockerfile',
  diff: 'diff',
  patch: 'diff',
});

/**
 * Guesses a file's language from its name: well-known names first (so that
 * `CMakeLists.txt` is not plain text), then the extension, case-insensitively.
 */
export function detectLanguage(path: string): string {
  const name = (path.split('/').at(-1) ?? path).toLowerCase();
  const byName = LANGUAGE_BY_NAME.get(name);
  if (byName) return byName;
  if (name.startsWith('dockerfile.')) return 'dockerfile';

  const dot = name.lastIndexOf('.');
  if (dot <= 0) return FALLBACK_LANGUAGE;
  return LANGUAGE_BY_EXTENSION.get(name.slice(dot + 1)) ?? FALLBACK_LANGUAGE;
}
