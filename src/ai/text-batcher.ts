/**
 * Collects generated text and hands it on once per event-loop turn. The
 * engine calls back for every token between two decode steps, so writing
 * to the socket right there would hold up the next step; deferred with
 * setImmediate, the write runs while the model computes the next token,
 * and tokens that arrive together leave in one message.
 */
export class TextBatcher {
  #pending = '';
  #scheduled?: NodeJS.Immediate;

  constructor(private readonly deliver: (text: string) => void) {}

  push(text: string): void {
    if (text.length === 0) return;
    this.#pending += text;
    this.#scheduled ??= setImmediate(() => this.flush());
  }

  /** Delivers what is pending now; call it before the final message. */
  flush(): void {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = undefined;
    if (this.#pending.length === 0) return;
    const text = this.#pending;
    this.#pending = '';
    this.deliver(text);
  }
}
