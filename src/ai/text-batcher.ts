/**
 * Collects generated text and hands it on in batches. The engine calls
 * back for every token between two decode steps, so writing to the socket
 * right there would hold up the next step; deferred with setImmediate, the
 * write runs while the model computes the next token.
 *
 * Each write still costs a system call on the server and a wake-up of the
 * client, which on a fast model is a large part of a token's time. So after
 * one delivery the next waits until `intervalMs` have passed, and the tokens
 * that arrive meanwhile leave together. The first text of a stream always
 * leaves at once, and a model slower than one token per interval sees every
 * token go out on its own.
 */
export class TextBatcher {
  #pending = '';
  #immediate?: NodeJS.Immediate;
  #timer?: NodeJS.Timeout;
  #lastDelivery = Number.NEGATIVE_INFINITY;
  readonly #flush = () => this.flush();

  constructor(
    private readonly deliver: (text: string) => void,
    private readonly intervalMs = 0,
  ) {}

  push(text: string): void {
    if (text.length === 0) return;
    this.#pending += text;
    if (this.#immediate || this.#timer) return;
    const wait = this.#lastDelivery + this.intervalMs - performance.now();
    if (wait > 0) this.#timer = setTimeout(this.#flush, Math.ceil(wait));
    else this.#immediate = setImmediate(this.#flush);
  }

  /** Delivers what is pending now; call it before the final message. */
  flush(): void {
    clearImmediate(this.#immediate);
    clearTimeout(this.#timer);
    this.#immediate = undefined;
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    const text = this.#pending;
    this.#pending = '';
    this.#lastDelivery = performance.now();
    this.deliver(text);
  }
}
