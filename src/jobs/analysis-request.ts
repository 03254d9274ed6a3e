/** Which parts of the analysis run; all of them unless the request names some. */
export const ANALYSIS_CHECKS = [
  'symbols',
  'metrics',
  'long_functions',
  'duplicates',
  'model',
] as const;
export type AnalysisCheck = (typeof ANALYSIS_CHECKS)[number];

/** A submitted analysis as the job row keeps it: what the worker needs to run it. */
export interface AnalysisRequest {
  file_ids?: string[];
  path_prefix?: string;
  code?: string;
  language?: string;
  checks: AnalysisCheck[];
  max_tokens: number;
  max_findings: number;
  long_function_lines: number;
}
