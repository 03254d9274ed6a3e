import { analyzeCode, type FileAnalysis } from './analyze.js';

/** Parsed files kept in memory; a file's version changes on every write. */
const MAX_ENTRIES = 5000;
const cache = new Map<string, FileAnalysis>();

export interface VersionedSource {
  id: string;
  version: number;
  language: string;
  content: string;
}

export function cachedAnalysis(id: string, version: number): FileAnalysis | undefined {
  const key = `${id}:${version}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-inserting keeps the Map's order least-recently-used first.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** The analysis of one stored version, parsed once and then served from memory. */
export async function analyzeFile(file: VersionedSource): Promise<FileAnalysis> {
  const hit = cachedAnalysis(file.id, file.version);
  if (hit && hit.language === file.language) return hit;

  const analysis = await analyzeCode(file.language, file.content);
  cache.set(`${file.id}:${file.version}`, analysis);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
  }
  return analysis;
}
