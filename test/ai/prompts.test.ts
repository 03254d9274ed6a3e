import { describe, expect, it } from 'vitest';
import {
  buildCompletionMessages,
  CURSOR_MARK,
  cleanChatCompletion,
} from '../../src/ai/prompts/complete.js';
import { buildExplainMessages } from '../../src/ai/prompts/explain.js';
import { fenceCode } from '../../src/ai/prompts/fence.js';
import { buildRefactorMessages } from '../../src/ai/prompts/refactor.js';
import { refactorOutputSchema, searchCandidates } from '../../src/ai/refactor-schema.js';

describe('prompts', () => {
  it('fences code with more backticks than any run inside it', () => {
    expect(fenceCode('a ```` b', 'md')).toBe('`````md\na ```` b\n`````');
    expect(fenceCode('plain', 'py')).toBe('```py\nplain\n```');
  });

  it('marks the cursor between prefix and suffix for chat completion', () => {
    const [system, user] = buildCompletionMessages({
      prefix: 'def f():\n    ',
      suffix: '\nf()',
      language: 'python',
      path: 'src/f.py',
    });

    expect(system?.role).toBe('system');
    expect(user?.content).toContain(`def f():\n    ${CURSOR_MARK}\nf()`);
    expect(user?.content).toContain('File: src/f.py');
    expect(user?.content).toContain('Fill in the code');
  });

  it('asks to continue when there is no suffix', () => {
    const [, user] = buildCompletionMessages({ prefix: 'x = ', suffix: '', language: 'py' });

    expect(user?.content).toContain('Continue the code');
  });

  it.each([
    ['```python\nreturn 1\n```', 'return 1'],
    ['```\nx\n```\n', 'x'],
    ['return 1', 'return 1'],
    ['text ```py\nx\n```', 'text ```py\nx\n```'],
  ])('cleans a chat completion %j to %j', (raw, clean) => {
    expect(cleanChatCompletion(raw)).toBe(clean);
  });

  it('puts the question, or a default ask, into the explain prompt', () => {
    const asked = buildExplainMessages({ code: 'x', language: 'go', question: ' Why? ' });
    const plain = buildExplainMessages({ code: 'x', language: 'go' });

    expect(asked[1]?.content).toContain('Question: Why?');
    expect(plain[1]?.content).toContain('Explain what this code does');
    expect(asked[0]?.content).toContain('Markdown');
  });

  it('states instructions and the suggestion limit in the refactor prompt', () => {
    const [system, user] = buildRefactorMessages({
      code: 'x = 1',
      language: 'python',
      instructions: 'rename x',
      maxSuggestions: 2,
    });

    expect(system?.content).toContain('JSON');
    expect(user?.content).toContain('Instructions: rename x');
    expect(user?.content).toContain('at most 2 suggestions');
  });
});

describe('refactor output schema', () => {
  it('offers only lines that occur exactly once as search texts', () => {
    const code = 'a = 1\nb = 2\na = 1\n\n   \nc = 3';

    expect(searchCandidates(code, 100)).toEqual(['b = 2', 'c = 3']);
  });

  it('leaves out lines that also occur inside other lines', () => {
    expect(searchCandidates('x\nxx', 100)).toEqual(['xx']);
  });

  it('bounds every string and the number of suggestions', () => {
    const schema = refactorOutputSchema('a = 1\nb = 2', 2, 400);
    const item = schema.properties.suggestions.items;

    expect(schema.properties.suggestions.maxItems).toBe(2);
    expect(item.properties.search).toEqual({ enum: ['a = 1', 'b = 2'] });
    expect(item.properties.title.maxLength).toBeGreaterThan(0);
    expect(item.properties.replace.maxLength).toBeLessThanOrEqual(400);
  });

  it('falls back to a bounded string when no line is unique', () => {
    const schema = refactorOutputSchema('x\nx', 1, 400);

    expect(schema.properties.suggestions.items.properties.search).toMatchObject({
      type: 'string',
      maxLength: expect.any(Number),
    });
  });
});
