import type { ChatMessage } from '../../engines/engine.js';
import { contextBlock, fenceCode, sourceLine } from './fence.js';

export interface RefactorPromptInput {
  code: string;
  language: string;
  instructions?: string;
  path?: string;
  /** Outline and related symbols from the repository. */
  context?: string;
  maxSuggestions: number;
}

const SYSTEM = [
  'You are a careful senior engineer reviewing code for refactoring.',
  'Suggest small, behaviour-preserving improvements: clearer names, removed',
  'duplication, simpler control flow, safer error handling.',
  'Answer only with JSON matching the given schema. Each suggestion has a',
  'short title, a rationale, and one edit: `search` is one exact line copied',
  'from the code, `replace` is the text that takes its place (it may span',
  'several lines). Never invent code that is not in the input for `search`.',
].join(' ');

export function buildRefactorMessages(input: RefactorPromptInput): ChatMessage[] {
  const ask = input.instructions?.trim()
    ? `Instructions: ${input.instructions.trim()}`
    : 'Suggest the refactorings that would most improve this code.';
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content:
        contextBlock(input.context) +
        `${sourceLine(input.path)}Language: ${input.language}\n${ask}\n` +
        `Give at most ${input.maxSuggestions} suggestions.\n\n` +
        fenceCode(input.code, input.language),
    },
  ];
}
