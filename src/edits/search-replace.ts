import { countOccurrences } from '../ai/refactor-schema.js';
import { editConflict } from './edit-conflict.js';

export interface SearchReplace {
  search: string;
  replace: string;
}

/**
 * Applies edits in order, each to the text the previous ones produced.
 * Every search text must occur exactly once at its turn; otherwise the
 * whole list is refused (409) and the caller writes nothing.
 */
export function applySearchReplace(code: string, edits: SearchReplace[]): string {
  let text = code;
  edits.forEach((edit, index) => {
    const found = countOccurrences(text, edit.search);
    if (found !== 1) {
      const reason =
        found === 0 ? 'the search text was not found' : `the search text occurs ${found} times`;
      throw editConflict(text, index, edit.search, reason);
    }
    const at = text.indexOf(edit.search);
    text = text.slice(0, at) + edit.replace + text.slice(at + edit.search.length);
  });
  return text;
}
