import { createTwoFilesPatch } from 'diff';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../errors/app-error.js';
import { countOccurrences } from './refactor-schema.js';

const ModelOutput = Type.Object({
  suggestions: Type.Array(
    Type.Object({
      title: Type.String(),
      rationale: Type.String(),
      search: Type.String(),
      replace: Type.String(),
    }),
  ),
});

export interface Suggestion {
  title: string;
  rationale: string;
  edit: { search: string; replace: string };
  /** The edit as a unified diff against the input. */
  diff: string;
}

export interface CheckedSuggestions {
  suggestions: Suggestion[];
  /** Suggestions dropped because their edit would not apply cleanly. */
  discarded: number;
}

/** Replaces the single occurrence of `search`; callers checked it is single. */
export function applyEdit(code: string, search: string, replace: string): string {
  const at = code.indexOf(search);
  return code.slice(0, at) + replace + code.slice(at + search.length);
}

/** Where `search` sits in `code`: [start, end). */
function rangeOf(code: string, search: string): [number, number] {
  const at = code.indexOf(search);
  return [at, at + search.length];
}

/**
 * Keeps only suggestions whose edit applies cleanly to `code`: a non-empty
 * title, a search text found exactly once, and a replacement that changes
 * something. They must also apply together, in order, as `apply` does:
 * an edit overlapping one kept before it, or whose search text the earlier
 * replacements made ambiguous, is dropped too. Output that does not have
 * the schema's shape at all is an engine failure, not an empty answer.
 */
export function checkSuggestions(code: string, path: string, output: unknown): CheckedSuggestions {
  if (!Value.Check(ModelOutput, output)) {
    throw new AppError('engine_output_invalid', 'The model returned JSON of the wrong shape');
  }

  const suggestions: Suggestion[] = [];
  const taken: [number, number][] = [];
  let together = code;
  for (const raw of output.suggestions) {
    const title = raw.title.trim();
    const applies = countOccurrences(code, raw.search) === 1 && raw.replace !== raw.search;
    if (!title || !applies) continue;
    const [start, end] = rangeOf(code, raw.search);
    const overlaps = taken.some(([s, e]) => start < e && s < end);
    if (overlaps || countOccurrences(together, raw.search) !== 1) continue;

    taken.push([start, end]);
    together = applyEdit(together, raw.search, raw.replace);
    const after = applyEdit(code, raw.search, raw.replace);
    suggestions.push({
      title,
      rationale: raw.rationale.trim(),
      edit: { search: raw.search, replace: raw.replace },
      diff: createTwoFilesPatch(`a/${path}`, `b/${path}`, code, after, '', '', { context: 3 }),
    });
  }
  return { suggestions, discarded: output.suggestions.length - suggestions.length };
}
