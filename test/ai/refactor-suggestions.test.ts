import { describe, expect, it } from 'vitest';
import { applyEdit, checkSuggestions } from '../../src/ai/refactor-suggestions.js';

const CODE = 'def q():\n    a = 1\n    b = 2\n    return a + b\n';

function suggestion(search: string, replace: string, title = 'tidy') {
  return { title, rationale: 'why', search, replace };
}

describe('checkSuggestions', () => {
  it('keeps only edits that apply together, in order', () => {
    const output = {
      suggestions: [
        suggestion('def q():', 'def total():'),
        suggestion('def q():', 'def q() -> int:'),
        suggestion('def q():\n    a = 1', 'def q():\n    a = 10'),
        suggestion('    b = 2', '    b = 3'),
        suggestion('    return a + b', '    return a + b', 'no change'),
        suggestion('    a = 1', '    a = 5', '  '),
      ],
    };

    const { suggestions, discarded } = checkSuggestions(CODE, 'q.py', output);

    expect(suggestions.map((s) => s.edit.replace)).toEqual(['def total():', '    b = 3']);
    expect(discarded).toBe(4);
    const together = suggestions.reduce(
      (code, s) => applyEdit(code, s.edit.search, s.edit.replace),
      CODE,
    );
    expect(together).toBe('def total():\n    a = 1\n    b = 3\n    return a + b\n');
  });

  it('drops an edit whose search text an earlier replacement made ambiguous', () => {
    const output = {
      suggestions: [
        suggestion('    a = 1', '    a = 1\n    b = 2'),
        suggestion('    b = 2', '    b = 9'),
      ],
    };

    const { suggestions } = checkSuggestions(CODE, 'q.py', output);

    expect(suggestions.map((s) => s.edit.search)).toEqual(['    a = 1']);
  });
});
