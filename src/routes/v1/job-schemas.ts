import { Type } from '@fastify/type-provider-typebox';
import { FINDING_CATEGORIES, FINDING_SEVERITIES } from '../../ai/analysis-findings.js';
import { ANALYSIS_CHECKS } from '../../jobs/analysis-request.js';
import { JOB_STATUSES } from '../../jobs/job-status.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const AnalyzeBody = Type.Object(
  {
    file_ids: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        minItems: 1,
        maxItems: 1000,
        uniqueItems: true,
      }),
    ),
    path_prefix: Type.Optional(Type.String({ maxLength: 1024 })),
    code: Type.Optional(Type.String()),
    language: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    checks: Type.Array(Type.Enum([...ANALYSIS_CHECKS]), {
      minItems: 1,
      uniqueItems: true,
      default: [...ANALYSIS_CHECKS],
      description: 'Which parts run; all of them by default',
    }),
    max_tokens: Type.Integer({
      minimum: 16,
      maximum: 4096,
      default: 512,
      description: "Most tokens of the model's findings per file",
    }),
    max_findings: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
    long_function_lines: Type.Integer({
      minimum: 2,
      maximum: 10_000,
      default: 50,
      description: 'Functions with at least this many lines are long',
    }),
  },
  {
    additionalProperties: false,
    examples: [{ path_prefix: 'src/', checks: ['metrics', 'duplicates', 'model'] }],
  },
);

const Problem = Type.Object({ code: Type.String(), detail: Type.String() });

const FunctionMetrics = Type.Object({
  name: Type.String(),
  kind: Type.String(),
  start_line: Type.Integer(),
  end_line: Type.Integer(),
  lines: Type.Integer(),
  complexity: Type.Integer({ description: 'One plus the branches, loops, cases and && / ||' }),
  max_nesting: Type.Integer(),
});

const SymbolSummary = Type.Object({
  name: Type.String(),
  kind: Type.String(),
  start_line: Type.Integer(),
  end_line: Type.Integer(),
  children: Type.Array(Type.Unknown(), { description: 'Nested symbols, in the same shape' }),
});

const FileReport = Type.Object({
  file_id: Nullable(Type.String()),
  path: Nullable(Type.String()),
  language: Type.String(),
  status: Type.Enum(['analyzed', 'failed']),
  error: Type.Optional(Problem),
  lines: Type.Optional(Type.Integer()),
  bytes: Type.Optional(Type.Integer()),
  parsed: Type.Optional(Type.Boolean()),
  symbol_count: Type.Optional(Type.Integer()),
  symbols: Type.Optional(Type.Array(SymbolSummary)),
  max_nesting: Type.Optional(Type.Integer()),
  max_complexity: Type.Optional(Type.Integer()),
  functions: Type.Optional(Type.Array(FunctionMetrics)),
  long_functions: Type.Optional(Type.Array(FunctionMetrics)),
  duplicates: Type.Optional(
    Type.Array(
      Type.Object({
        lines: Type.Integer(),
        occurrences: Type.Array(
          Type.Object({ start_line: Type.Integer(), end_line: Type.Integer() }),
        ),
      }),
    ),
  ),
  findings: Type.Optional(
    Type.Array(
      Type.Object({
        line: Type.Integer(),
        severity: Type.Enum([...FINDING_SEVERITIES]),
        category: Type.Enum([...FINDING_CATEGORIES]),
        message: Type.String(),
      }),
    ),
  ),
  model: Type.Optional(Type.String()),
  model_error: Type.Optional(Problem),
});

const AnalysisReport = Type.Object({
  checks: Type.Array(Type.String()),
  summary: Type.Object({
    files: Type.Integer(),
    analyzed: Type.Integer(),
    failed: Type.Integer(),
    lines: Type.Integer(),
    symbols: Type.Integer(),
    functions: Type.Integer(),
    long_functions: Type.Integer(),
    duplicate_blocks: Type.Integer(),
    findings: Type.Integer(),
    max_complexity: Type.Integer(),
    max_nesting: Type.Integer(),
    most_complex: Nullable(
      Type.Object({
        path: Nullable(Type.String()),
        function: Type.String(),
        complexity: Type.Integer(),
      }),
    ),
  }),
  files: Type.Array(FileReport),
});

export const JobResponse = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  /** The shared workspace the job analyses; null for the personal one. */
  workspace_id: Nullable(Type.String()),
  status: Type.Enum([...JOB_STATUSES]),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  attempts: Type.Integer(),
  max_attempts: Type.Integer(),
  request: Type.Object({
    file_ids: Type.Optional(Type.Array(Type.String())),
    path_prefix: Type.Optional(Type.String()),
    code_bytes: Type.Optional(Type.Integer()),
    language: Type.Optional(Type.String()),
    checks: Type.Array(Type.String()),
  }),
  created_at: Type.String({ format: 'date-time' }),
  started_at: Nullable(Type.String({ format: 'date-time' })),
  finished_at: Nullable(Type.String({ format: 'date-time' })),
  updated_at: Type.String({ format: 'date-time' }),
  result: Nullable(AnalysisReport),
  problem: Nullable(Problem),
  links: Type.Object({ self: Type.String(), events: Type.String() }),
});

export const JobListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
    status: Type.Optional(Type.Enum([...JOB_STATUSES])),
  },
  { additionalProperties: false },
);

export const JobListResponse = Type.Object({
  items: Type.Array(JobResponse, { description: 'Newest first, without `result`' }),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const JobParams = Type.Object({ job_id: Type.String({ minLength: 1, maxLength: 64 }) });

export const JobEventsQuery = Type.Object(
  {
    last_event_id: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'As the Last-Event-ID header, for clients that cannot set it',
      }),
    ),
  },
  { additionalProperties: false },
);
