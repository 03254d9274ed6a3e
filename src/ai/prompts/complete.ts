import type { ChatMessage } from '../../engines/engine.js';
import { codeRequest } from './fence.js';

export interface CompletionPromptInput {
  prefix: string;
  suffix: string;
  language: string;
  path?: string;
  /** Outline and related symbols from the repository. */
  context?: string;
}

/** Marks the gap in fill-in-the-middle prompts for chat-only engines. */
export const CURSOR_MARK = '<CURSOR>';

const SYSTEM = [
  'You are a code completion engine inside an editor.',
  'Reply with only the code that belongs at the cursor: no explanations,',
  'no Markdown fences, no repetition of the code before or after the cursor.',
].join(' ');

/**
 * Chat prompt for engines without native infill or plain continuation: the
 * model sees the code with a cursor mark and writes what goes there.
 */
export function buildCompletionMessages(input: CompletionPromptInput): ChatMessage[] {
  const code = `${input.prefix}${CURSOR_MARK}${input.suffix}`;
  const task = input.suffix
    ? `Fill in the code at ${CURSOR_MARK} so that it joins the code before and after it.`
    : `Continue the code from ${CURSOR_MARK}.`;
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: codeRequest(input, task, code),
    },
  ];
}

/**
 * Strips a Markdown fence that chat models often wrap code in despite being
 * told not to; editors insert the text as is.
 */
export function cleanChatCompletion(text: string): string {
  const fenced = /^\s*(`{3,})[\w+#.-]*\n([\s\S]*?)\n?\1\s*$/.exec(text);
  return fenced ? (fenced[2] ?? '') : text;
}
