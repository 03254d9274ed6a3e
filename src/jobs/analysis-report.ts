import type { AnalysisCheck } from './analysis-request.js';
import type { FileReport } from './analyze-file.js';

export interface AnalysisReport {
  checks: AnalysisCheck[];
  summary: {
    files: number;
    analyzed: number;
    failed: number;
    lines: number;
    symbols: number;
    functions: number;
    long_functions: number;
    duplicate_blocks: number;
    findings: number;
    max_complexity: number;
    max_nesting: number;
    most_complex: { path: string | null; function: string; complexity: number } | null;
  };
  files: FileReport[];
}

function sum(files: FileReport[], pick: (f: FileReport) => number | undefined): number {
  return files.reduce((total, f) => total + (pick(f) ?? 0), 0);
}

/** Folds the per-file entries into one report with totals across files. */
export function buildReport(checks: AnalysisCheck[], files: FileReport[]): AnalysisReport {
  let mostComplex: AnalysisReport['summary']['most_complex'] = null;
  for (const file of files) {
    for (const fn of file.functions ?? []) {
      if (!mostComplex || fn.complexity > mostComplex.complexity) {
        mostComplex = { path: file.path, function: fn.name, complexity: fn.complexity };
      }
    }
  }
  const analyzed = files.filter((f) => f.status === 'analyzed');
  return {
    checks,
    summary: {
      files: files.length,
      analyzed: analyzed.length,
      failed: files.length - analyzed.length,
      lines: sum(files, (f) => f.lines),
      symbols: sum(files, (f) => f.symbol_count),
      functions: sum(files, (f) => f.functions?.length),
      long_functions: sum(files, (f) => f.long_functions?.length),
      duplicate_blocks: sum(files, (f) => f.duplicates?.length),
      findings: sum(files, (f) => f.findings?.length),
      max_complexity: Math.max(0, ...files.map((f) => f.max_complexity ?? 0)),
      max_nesting: Math.max(0, ...files.map((f) => f.max_nesting ?? 0)),
      most_complex: mostComplex,
    },
    files,
  };
}
