import type { ChatMessage } from '../../engines/engine.js';
import { fenceCode, sourceLine } from './fence.js';

export interface AnalyzePromptInput {
  code: string;
  language: string;
  path?: string;
  /** The static facts already measured, one per line, for the model to weigh. */
  facts: string[];
  maxFindings: number;
}

const SYSTEM = [
  'You are a careful senior engineer reviewing one source file.',
  'Report concrete problems a reviewer would raise: bugs, unsafe error handling,',
  'security issues, needless complexity, unclear names, duplicated logic.',
  'Answer only with JSON matching the given schema. Each finding names the line',
  'it is about (the numbers in the left margin), a severity, a category and a',
  'one-sentence message. Report nothing rather than invent a problem.',
].join(' ');

/** The code with its line numbers in a margin, so findings can point at lines. */
function numbered(code: string): string {
  const lines = code.split('\n');
  const width = String(lines.length).length;
  return lines.map((line, i) => `${String(i + 1).padStart(width)} | ${line}`).join('\n');
}

export function buildAnalyzeMessages(input: AnalyzePromptInput): ChatMessage[] {
  const facts = input.facts.length > 0 ? `Measured facts:\n- ${input.facts.join('\n- ')}\n` : '';
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content:
        `${sourceLine(input.path)}Language: ${input.language}\n${facts}` +
        `Give at most ${input.maxFindings} findings.\n\n` +
        fenceCode(numbered(input.code), input.language),
    },
  ];
}
