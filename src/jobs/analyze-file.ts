import type { Finding } from '../ai/analysis-findings.js';
import { type OperationRun, runAnalyze } from '../ai/run-operation.js';
import { type CodeMetrics, type FunctionMetrics, measureCode } from '../code-intel/code-metrics.js';
import { type DuplicateBlock, findDuplicateBlocks } from '../code-intel/duplicates.js';
import type { OutlineSymbol } from '../code-intel/symbols.js';
import { isAppError } from '../errors/app-error.js';
import type { AnalysisRequest } from './analysis-request.js';

export interface SourceToAnalyze {
  fileId: string | null;
  path: string | null;
  language: string;
  code: string;
}

export interface SymbolSummary {
  name: string;
  kind: string;
  start_line: number;
  end_line: number;
  children: SymbolSummary[];
}

/** One file's entry in the report; the parts present are the checks that ran. */
export interface FileReport {
  file_id: string | null;
  path: string | null;
  language: string;
  status: 'analyzed' | 'failed';
  error?: { code: string; detail: string };
  lines?: number;
  bytes?: number;
  parsed?: boolean;
  symbol_count?: number;
  symbols?: SymbolSummary[];
  max_nesting?: number;
  max_complexity?: number;
  functions?: FunctionMetrics[];
  long_functions?: FunctionMetrics[];
  duplicates?: DuplicateBlock[];
  findings?: Finding[];
  model?: string;
  model_error?: { code: string; detail: string };
}

function summarize(symbols: OutlineSymbol[]): SymbolSummary[] {
  return symbols.map((s) => ({
    name: s.name,
    kind: s.kind,
    start_line: s.range.start.line,
    end_line: s.range.end.line,
    children: summarize(s.children),
  }));
}

export function problemFieldsOf(err: unknown): { code: string; detail: string } {
  if (isAppError(err)) return { code: err.code, detail: err.message };
  return { code: 'internal_error', detail: 'Unexpected error while analysing; see the log' };
}

/** The facts that go into the model's prompt, so its review can build on them. */
function factsOf(metrics: CodeMetrics, duplicates: DuplicateBlock[], longLines: number): string[] {
  const facts = [`${metrics.lines} lines, ${metrics.symbol_count} symbols`];
  for (const f of metrics.functions) {
    if (f.complexity < 5 && f.max_nesting < 3 && f.lines < longLines) continue;
    facts.push(
      `${f.kind} ${f.name} (lines ${f.start_line}-${f.end_line}): complexity ` +
        `${f.complexity}, nesting ${f.max_nesting}, ${f.lines} lines`,
    );
  }
  for (const d of duplicates.slice(0, 5)) {
    const where = d.occurrences.map((o) => `${o.start_line}-${o.end_line}`).join(' and ');
    facts.push(`lines ${where} repeat the same ${d.lines} lines`);
  }
  return facts.slice(0, 20);
}

/**
 * Analyses one file: static facts from tree-sitter and, when the `model`
 * check is on, the model's findings. A model failure is recorded in the
 * entry; the static facts still stand.
 */
export async function analyzeSource(
  run: OperationRun,
  request: AnalysisRequest,
  source: SourceToAnalyze,
): Promise<FileReport> {
  const checks = new Set(request.checks);
  const metrics = await measureCode(source.language, source.code);
  const duplicates = findDuplicateBlocks(source.code);
  const longFunctions = metrics.functions.filter((f) => f.lines >= request.long_function_lines);
  const entry: FileReport = {
    file_id: source.fileId,
    path: source.path,
    language: source.language,
    status: 'analyzed',
    lines: metrics.lines,
    bytes: metrics.bytes,
    parsed: metrics.parsed,
  };

  if (checks.has('symbols')) {
    entry.symbol_count = metrics.symbol_count;
    entry.symbols = summarize(metrics.symbols);
  }
  if (checks.has('metrics')) {
    entry.max_nesting = metrics.max_nesting;
    entry.max_complexity = Math.max(0, ...metrics.functions.map((f) => f.complexity));
    entry.functions = metrics.functions;
  }
  if (checks.has('long_functions')) entry.long_functions = longFunctions;
  if (checks.has('duplicates')) entry.duplicates = duplicates;
  if (!checks.has('model')) return entry;

  try {
    const { findings, generation } = await runAnalyze(run, {
      code: source.code,
      language: source.language,
      path: source.path ?? undefined,
      facts: factsOf(metrics, duplicates, request.long_function_lines),
      maxFindings: request.max_findings,
      max_tokens: request.max_tokens,
      temperature: 0,
    });
    entry.findings = findings;
    entry.model = generation.model;
  } catch (err) {
    if (run.signal.aborted) throw err;
    entry.model_error = problemFieldsOf(err);
  }
  return entry;
}
