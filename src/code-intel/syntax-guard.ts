import { AppError } from '../errors/app-error.js';

import { parseErrorsOf } from './analyze.js';
import type { ParseProblem } from './parse-errors.js';

/**
 * Refuses (422 `syntax_error`) text that has parse errors when the text it
 * replaces had none. Text that was already broken, and languages without a
 * grammar, pass: the check guards against making things worse, not against
 * files the user keeps unfinished.
 */
export async function ensureSyntaxKept(
  language: string,
  before: string,
  after: string,
  beforeErrors?: ParseProblem[],
): Promise<void> {
  const earlier = beforeErrors ?? (await parseErrorsOf(language, before));
  if (!earlier || earlier.length > 0) return;
  const errors = await parseErrorsOf(language, after);
  if (!errors || errors.length === 0) return;

  const first = errors[0] as ParseProblem;
  const { line, column } = first.range.start;
  throw new AppError(
    'syntax_error',
    `The result would not parse as ${language}: ${first.message} at line ${line}, ` +
      `column ${column}. Fix the edit, or send force: true to apply it anyway`,
    { extra: { line, column, snippet: first.snippet, syntax_errors: errors } },
  );
}
