import WebSocket, { type ClientOptions } from 'ws';

export type Message = Record<string, unknown> & { type: string };

export interface Closure {
  code: number;
  reason: string;
}

/** A real WebSocket client that keeps every message, for assertions. */
export class TestSocket {
  readonly messages: Message[] = [];
  readonly closed: Promise<Closure>;
  #waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as Message);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => {
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  /** Connects and resolves once the handshake is done. */
  static open(url: string, protocols?: string[], options?: ClientOptions): Promise<TestSocket> {
    const ws = new WebSocket(url, protocols, options);
    const socket = new TestSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message, from `from` on, that matches; waits for it if needed. */
  async next(match: Partial<Message>, from = 0): Promise<Message> {
    for (;;) {
      const found = this.messages
        .slice(from)
        .find((m) => Object.entries(match).every(([k, v]) => m[k] === v));
      if (found) return found;
      await Promise.race([
        new Promise<void>((resolve) => this.#waiters.push(resolve)),
        this.closed.then(() => {
          throw new Error(`socket closed before a message like ${JSON.stringify(match)}`);
        }),
      ]);
    }
  }

  /** Messages for one request id, in order. */
  of(id: unknown): Message[] {
    return this.messages.filter((m) => m.id === id);
  }

  /** The text of the request's token messages, joined. */
  textOf(id: unknown): string {
    return this.of(id)
      .filter((m) => m.type === 'token')
      .map((m) => m.text)
      .join('');
  }

  close(): Promise<Closure> {
    this.ws.close();
    return this.closed;
  }
}
