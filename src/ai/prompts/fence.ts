/**
 * Wraps code in a Markdown fence longer than any backtick run inside it, so
 * code that itself contains fences cannot end the block early.
 */
export function fenceCode(code: string, language: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${code}\n${fence}`;
}

/** Repository context ahead of the task, when there is some; it names what it holds. */
export function contextBlock(context: string | undefined): string {
  return context ? `${context}\n\n` : '';
}

/** A line naming the file the code came from, when there is one. */
export function sourceLine(path: string | undefined): string {
  return path ? `File: ${path}\n` : '';
}

/** Where code comes from, as the user message of every operation names it. */
export interface CodeOrigin {
  context?: string;
  path?: string;
  language: string;
}

/** Context, file and language, then the task, then the fenced code. */
export function codeRequest(origin: CodeOrigin, task: string, code: string): string {
  const header = `${contextBlock(origin.context)}${sourceLine(origin.path)}`;
  return `${header}Language: ${origin.language}\n${task}\n\n${fenceCode(code, origin.language)}`;
}
