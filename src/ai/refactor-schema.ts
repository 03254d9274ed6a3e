const MAX_CANDIDATES = 300;

/**
 * A deliberately low estimate of characters per token. String lengths in
 * the schema are derived from the token budget with it, so that a complete
 * JSON answer always fits in `max_tokens` and is never cut off mid-string.
 */
const CHARS_PER_TOKEN = 2;

/** Character limits for one suggestion's fields, from the token budget. */
export function fieldLimits(maxTokens: number, maxSuggestions: number) {
  const chars = Math.floor(maxTokens / maxSuggestions) * CHARS_PER_TOKEN;
  return {
    title: Math.min(120, Math.max(16, Math.floor(chars * 0.1))),
    rationale: Math.min(600, Math.max(16, Math.floor(chars * 0.25))),
    search: Math.min(400, Math.max(40, Math.floor(chars * 0.2))),
    replace: Math.min(4000, Math.max(40, Math.floor(chars * 0.4))),
  };
}

/**
 * Lines that occur exactly once in the code. Offering only these as
 * `search` values makes every edit the model can produce apply cleanly:
 * the grammar (or the provider's structured output) cannot pick text that
 * is missing or ambiguous.
 */
export function searchCandidates(code: string, maxLength: number): string[] {
  const counts = new Map<string, number>();
  for (const line of code.split('\n')) {
    const text = line.replace(/\r$/, '');
    if (text.trim().length === 0 || text.length > maxLength) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }

  const unique = [...counts].filter(([, n]) => n === 1).map(([text]) => text);
  return unique.filter((line) => countOccurrences(code, line) === 1).slice(0, MAX_CANDIDATES);
}

export function countOccurrences(haystack: string, needle: string): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    count += 1;
  }
  return count;
}

/** The JSON schema the model's refactoring output must satisfy. */
export function refactorOutputSchema(code: string, maxSuggestions: number, maxTokens: number) {
  const limits = fieldLimits(maxTokens, maxSuggestions);
  const candidates = searchCandidates(code, limits.search);
  const search =
    candidates.length > 0 ? { enum: candidates } : { type: 'string', maxLength: limits.search };

  return {
    type: 'object',
    properties: {
      suggestions: {
        type: 'array',
        maxItems: maxSuggestions,
        items: {
          type: 'object',
          properties: {
            title: { type: 'string', maxLength: limits.title },
            rationale: { type: 'string', maxLength: limits.rationale },
            search,
            replace: { type: 'string', maxLength: limits.replace },
          },
          required: ['title', 'rationale', 'search', 'replace'],
          additionalProperties: false,
        },
      },
    },
    required: ['suggestions'],
    additionalProperties: false,
  };
}
