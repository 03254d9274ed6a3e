import type { AiEvent, AiOperation, AiRequest, AiResult } from './operations.js';
import { ProblemError } from './problem.js';
import type { Session } from './session.js';

/** What the SDK needs of a WebSocket: the browser's, Node 22's, or `ws`. */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: 'close',
    listener: (event: { code: number; reason: string }) => void,
  ): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

export type WebSocketConstructor = new (url: string, protocols?: string[]) => WebSocketLike;

/** The close code the server uses for every authentication failure. */
const AUTH_CLOSE_CODE = 4401;
/** Re-authenticate this long before the server would close for expiry. */
const REAUTH_MARGIN_MS = 30_000;

type Message = Record<string, unknown> & { type: string; id?: unknown };

interface Ready {
  user: { id: string; username: string };
  expires_at: number;
}

/**
 * One request on a socket, read as an async iterator of its events. The
 * loop ends after `done`; an `error` message is thrown as a ProblemError.
 */
export class SocketRequest<Op extends AiOperation> implements AsyncIterable<AiEvent<Op>> {
  #queue: Array<AiEvent<Op> | ProblemError> = [];
  #wake: (() => void) | undefined;
  #ended = false;

  constructor(
    readonly id: string,
    private readonly socket: AtelierSocket,
  ) {}

  /** Stops generation; the request then ends with `done` (finish_reason `cancelled`). */
  cancel(): void {
    if (!this.#ended) this.socket.send({ type: 'cancel', id: this.id });
  }

  /** Waits for the answer, ignoring the streamed text. */
  async result(): Promise<AiResult<Op>> {
    for await (const event of this) if (event.type === 'done') return event.result;
    throw new ProblemError(502, { code: 'stream_interrupted', detail: 'No done message' });
  }

  /** @internal */
  push(item: AiEvent<Op> | ProblemError): void {
    if (this.#ended) return;
    if (item instanceof ProblemError || item.type === 'done') this.#ended = true;
    this.#queue.push(item);
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<AiEvent<Op>, void, undefined> {
    try {
      for (;;) {
        const item = this.#queue.shift();
        if (item === undefined) {
          await new Promise<void>((resolve) => {
            this.#wake = resolve;
          });
          continue;
        }
        if (item instanceof ProblemError) throw item;
        yield item;
        if (item.type === 'done') return;
      }
    } finally {
      // A loop left early cancels what it no longer reads.
      this.cancel();
      this.#ended = true;
      this.socket.forget(this.id);
    }
  }
}

/**
 * The `/ws/code-completion` protocol (docs/websocket-protocol.md): several
 * requests at once, streamed text and cancel. The session's token is
 * renewed on the socket before it expires.
 */
export class AtelierSocket {
  #ws: WebSocketLike;
  #session: Session;
  #requests = new Map<string, SocketRequest<AiOperation>>();
  #nextId = 1;
  #reauth: ReturnType<typeof setTimeout> | undefined;
  #closed: ProblemError | undefined;
  user: Ready['user'] | undefined;
  /** When the server closes the socket unless renewed, in seconds since the epoch. */
  expiresAt: number | undefined;

  private constructor(ws: WebSocketLike, session: Session) {
    this.#ws = ws;
    this.#session = session;
  }

  /** Connects and resolves once the server has accepted the token. */
  static async open(session: Session, WebSocket: WebSocketConstructor): Promise<AtelierSocket> {
    const token = await session.credential();
    if (!token) throw new ProblemError(401, { code: 'not_authenticated', detail: 'Log in first' });
    const url = `${session.baseUrl.replace(/^http/, 'ws')}/api/v1/ws/code-completion`;
    // Subprotocols, because browsers cannot set an Authorization header.
    const socket = new AtelierSocket(new WebSocket(url, ['bearer', token]), session);
    await socket.#handshake();
    return socket;
  }

  /** Sends one request; iterate the result for its events. */
  request<Op extends AiOperation>(operation: Op, body: AiRequest<Op>): SocketRequest<Op> {
    const id = `r${this.#nextId++}`;
    const request = new SocketRequest<Op>(id, this);
    if (this.#closed) {
      request.push(this.#closed);
      return request;
    }
    this.#requests.set(id, request as unknown as SocketRequest<AiOperation>);
    this.send({ ...body, type: operation, id });
    return request;
  }

  close(): void {
    this.#ws.close(1000, 'done');
  }

  /** @internal */
  send(message: Message): void {
    if (!this.#closed) this.#ws.send(JSON.stringify(message));
  }

  /** @internal */
  forget(id: string): void {
    this.#requests.delete(id);
  }

  #handshake(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#ws.addEventListener('message', (event: { data: unknown }) => {
        const message = JSON.parse(String(event.data)) as Message;
        if (message.type === 'ready') {
          this.#ready(message as unknown as Ready);
          resolve();
        } else this.#dispatch(message);
      });
      this.#ws.addEventListener('close', (event: { code: number; reason: string }) => {
        const problem = closeProblem(event.code, event.reason);
        this.#closed = problem;
        clearTimeout(this.#reauth);
        for (const request of this.#requests.values()) request.push(problem);
        this.#requests.clear();
        reject(problem);
      });
      this.#ws.addEventListener('error', () => undefined);
    });
  }

  #ready(ready: Ready): void {
    this.user = ready.user;
    this.expiresAt = ready.expires_at;
    clearTimeout(this.#reauth);
    const tokens = this.#session.tokens;
    if (!tokens?.refreshToken) return;
    // Half the lifetime at most, so that short-lived tokens do not renew in a loop.
    const remaining = ready.expires_at * 1000 - Date.now();
    const delay = Math.max(0, remaining - Math.min(REAUTH_MARGIN_MS, remaining / 2));
    this.#reauth = setTimeout(() => {
      this.#session
        .refresh()
        .then((fresh) => this.send({ type: 'auth', token: fresh.accessToken }))
        .catch(() => this.close());
    }, delay);
  }

  #dispatch(message: Message): void {
    const request = this.#requests.get(String(message.id));
    if (!request) return;
    if (message.type === 'token') request.push({ type: 'token', text: String(message.text ?? '') });
    if (message.type === 'done') {
      const { type: _type, id: _id, ...result } = message;
      request.push({ type: 'done', result: result as AiResult<AiOperation> });
    }
    if (message.type === 'error')
      request.push(new ProblemError(Number(message.status ?? 500), message));
  }
}

function closeProblem(code: number, reason: string): ProblemError {
  if (code === AUTH_CLOSE_CODE) {
    return new ProblemError(401, { code: 'invalid_token', detail: reason || 'Not authenticated' });
  }
  const detail = `The socket closed (${code}${reason ? `: ${reason}` : ''})`;
  return new ProblemError(503, { code: 'connection_closed', detail });
}
