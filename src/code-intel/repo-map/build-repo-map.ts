import type { Db } from '../../db/database.js';
import { findFileContents, listFileSources } from '../../repositories/file-sources.js';
import type { FileScope } from '../../repositories/files.js';
import { analyzeFile, cachedAnalysis } from '../analysis-cache.js';
import { grammarFor } from '../grammars.js';
import type { TokenCounter } from '../token-counter.js';
import { type RankedSymbol, rankSymbols } from './rank-symbols.js';
import type { MappedFile } from './reference-graph.js';
import { fitToBudget } from './render-map.js';

/** Files beyond this many (in path order) are left out of the map. */
export const MAX_MAP_FILES = 5000;

export interface RepoMapOptions {
  budget: number;
  counter: TokenCounter;
  focusFileId?: string;
  /** Leave this file's own symbols out (context already shows its outline). */
  excludeFileId?: string;
}

export interface RepoMap {
  entries: RankedSymbol[];
  text: string;
  tokens: number;
  filesConsidered: number;
  filesParsed: number;
}

/** Every parseable file of the scope, analysed (from the cache when unchanged). */
export async function loadMappedFiles(db: Db, scope: FileScope): Promise<MappedFile[]> {
  const sources = (await listFileSources(db, scope, MAX_MAP_FILES)).filter((file) =>
    grammarFor(file.language),
  );
  const missing = sources.filter((file) => !cachedAnalysis(file.id, file.version));
  const contents = await findFileContents(
    db,
    scope,
    missing.map((file) => file.id),
  );

  const files: MappedFile[] = [];
  for (const source of sources) {
    const stored = contents.get(source.id);
    const cached = cachedAnalysis(source.id, source.version);
    const analysis =
      cached ??
      (stored &&
        (await analyzeFile({ ...source, version: stored.version, content: stored.content })));
    if (analysis) files.push({ id: source.id, path: source.path, analysis });
  }
  return files;
}

/** The scope's most relevant symbols across its files, within a token budget. */
export async function buildRepoMap(
  db: Db,
  scope: FileScope,
  options: RepoMapOptions,
): Promise<RepoMap> {
  const files = await loadMappedFiles(db, scope);
  const ranked = rankSymbols(files, { focusFileId: options.focusFileId }).filter(
    (entry) => entry.fileId !== options.excludeFileId,
  );
  const fitted = await fitToBudget(ranked, options.budget, options.counter);
  return {
    ...fitted,
    filesConsidered: files.length,
    filesParsed: files.filter((file) => file.analysis.parsed).length,
  };
}
