/**
 * Parses model output that a JSON-schema grammar produced. The grammar makes
 * it syntactically JSON, yet numbers such as `682E84310` parse to Infinity,
 * which is no JSON value at all, so those count as unparseable too.
 */
export function parseJsonOutput(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value: unknown = JSON.parse(text);
    return hasOnlyFiniteNumbers(value) ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function hasOnlyFiniteNumbers(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(hasOnlyFiniteNumbers);
  if (value !== null && typeof value === 'object')
    return Object.values(value).every(hasOnlyFiniteNumbers);
  return true;
}
