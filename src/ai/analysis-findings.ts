export const FINDING_SEVERITIES = ['info', 'warning', 'error'] as const;
export const FINDING_CATEGORIES = [
  'bug',
  'security',
  'error_handling',
  'complexity',
  'naming',
  'duplication',
  'style',
  'performance',
] as const;

export interface Finding {
  line: number;
  severity: (typeof FINDING_SEVERITIES)[number];
  category: (typeof FINDING_CATEGORIES)[number];
  message: string;
}

/** Beyond this many lines the line number is free text, checked afterwards. */
const MAX_LINE_ENUM = 2000;
const MAX_MESSAGE = 240;
/** Tokens one finding takes besides its message, at worst; and the array around them. */
const FINDING_OVERHEAD_TOKENS = 64;
const ENVELOPE_TOKENS = 16;
/** As for refactorings: a low estimate, so a complete answer fits in `max_tokens`. */
const CHARS_PER_TOKEN = 2;

/**
 * How many findings fit in the token budget, and how long each message may
 * be, so that the JSON is never cut off mid-way by `max_tokens`.
 */
export function findingLimits(maxTokens: number, maxFindings: number) {
  const room = Math.max(0, maxTokens - ENVELOPE_TOKENS);
  const items = Math.min(maxFindings, Math.floor(room / (FINDING_OVERHEAD_TOKENS + 8)));
  if (items === 0) return { items: 0, message: 0 };
  const perItem = Math.floor(room / items) - FINDING_OVERHEAD_TOKENS;
  return { items, message: Math.min(MAX_MESSAGE, perItem * CHARS_PER_TOKEN) };
}

/**
 * The JSON schema of the model's findings. Lines are strings from an enum
 * of the file's line numbers: a grammar's `integer` also admits exponents,
 * and an enum cannot name a line the file does not have.
 */
export function findingsSchema(lineCount: number, maxFindings: number, maxTokens: number) {
  const limits = findingLimits(maxTokens, maxFindings);
  const count = Math.max(1, lineCount);
  const line =
    count <= MAX_LINE_ENUM
      ? { enum: Array.from({ length: count }, (_, i) => String(i + 1)) }
      : { type: 'string', maxLength: 7 };
  return {
    type: 'object',
    properties: {
      findings: {
        type: 'array',
        maxItems: limits.items,
        items: {
          type: 'object',
          properties: {
            line,
            severity: { enum: [...FINDING_SEVERITIES] },
            category: { enum: [...FINDING_CATEGORIES] },
            message: { type: 'string', minLength: 1, maxLength: Math.max(1, limits.message) },
          },
          required: ['line', 'severity', 'category', 'message'],
          additionalProperties: false,
        },
      },
    },
    required: ['findings'],
    additionalProperties: false,
  };
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/**
 * Keeps the findings that are well formed and point at a line of the file;
 * the schema already says so on the local engine, remote providers may not.
 */
export function checkFindings(value: unknown, lineCount: number): Finding[] {
  const list = (value as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(list)) return [];
  const findings: Finding[] = [];
  for (const item of list as Record<string, unknown>[]) {
    const line = Number(item?.line);
    const message = typeof item?.message === 'string' ? item.message.trim() : '';
    if (!Number.isInteger(line) || line < 1 || line > Math.max(1, lineCount)) continue;
    if (!isOneOf(FINDING_SEVERITIES, item.severity)) continue;
    if (!isOneOf(FINDING_CATEGORIES, item.category) || message.length === 0) continue;
    findings.push({ line, severity: item.severity, category: item.category, message });
  }
  return findings;
}
