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
