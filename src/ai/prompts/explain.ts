import type { ChatMessage } from '../../engines/engine.js';
import { codeRequest } from './fence.js';

export interface ExplainPromptInput {
  code: string;
  language: string;
  question?: string;
  path?: string;
  /** Outline and related symbols from the repository. */
  context?: string;
}

const SYSTEM = [
  'You are a senior engineer explaining code to a colleague.',
  'Answer in Markdown: start with a one-paragraph summary, then walk through',
  'the important parts, and end with pitfalls or bugs you notice, if any.',
  'Refer to identifiers in backticks. Be accurate and concise.',
].join(' ');

export function buildExplainMessages(input: ExplainPromptInput): ChatMessage[] {
  const ask = input.question?.trim()
    ? `Question: ${input.question.trim()}`
    : 'Explain what this code does and how it works.';
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: codeRequest(input, ask, input.code),
    },
  ];
}
