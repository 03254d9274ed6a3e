/**
 * Cuts `text` before the earliest stop string. Engines stop on these
 * themselves, but a stop string can arrive glued to an incomplete UTF-8
 * character and slip past the engine's trigger; the answer must still
 * never contain one.
 */
export function cutAtStop(
  text: string,
  stop: string[] | undefined,
): { text: string; cut: boolean } {
  let end = -1;
  for (const s of stop ?? []) {
    const at = text.indexOf(s);
    if (at !== -1 && (end === -1 || at < end)) end = at;
  }
  return end === -1 ? { text, cut: false } : { text: text.slice(0, end), cut: true };
}
