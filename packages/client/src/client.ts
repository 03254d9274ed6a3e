import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';
import {
  type AnalyzeRequest,
  cancelJob,
  getJob,
  type Job,
  startAnalysis,
  type WatchOptions,
  waitForJob,
  watchJob,
} from './jobs.js';
import {
  type AiEvent,
  type AiOperation,
  type AiRequest,
  type AiResult,
  type OperationOptions,
  operationPath,
} from './operations.js';
import { problemOf } from './problem.js';
import { Session, type SessionOptions, type Tokens } from './session.js';
import { AtelierSocket, type WebSocketConstructor } from './socket.js';
import { streamOperation } from './sse.js';

export interface AtelierClientOptions extends SessionOptions {
  /** For `socket()` where there is no global WebSocket (Node 20: pass `ws`). */
  WebSocket?: WebSocketConstructor;
}

/** The answer of an openapi-fetch call: its data, or its problem thrown. */
export async function unwrap<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw await problemOf(response, error);
  return data as T;
}

/**
 * A typed client of one Atelier server. `api` is the generated client for
 * every route; the methods cover what a generator cannot: login and token
 * refresh, streams, the WebSocket and jobs.
 */
export class AtelierClient {
  readonly session: Session;
  readonly api: Client<paths>;
  #WebSocket: WebSocketConstructor | undefined;

  constructor(options: AtelierClientOptions) {
    this.session = new Session(options);
    this.api = createClient<paths>({ baseUrl: this.session.baseUrl, fetch: this.session.fetch });
    this.#WebSocket =
      options.WebSocket ??
      (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket ??
      undefined;
  }

  login(username: string, password: string): Promise<Tokens> {
    return this.session.login(username, password);
  }

  logout(): Promise<void> {
    return this.session.logout();
  }

  /** Runs an operation and waits for the whole answer. */
  async run<Op extends AiOperation>(
    operation: Op,
    body: AiRequest<Op>,
    options: OperationOptions = {},
  ): Promise<AiResult<Op>> {
    const response = await this.session.fetch(
      new Request(this.session.baseUrl + operationPath(operation, options.workspaceId), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, stream: false }),
        signal: options.signal,
      }),
    );
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as AiResult<Op>;
  }

  /** Runs an operation over server-sent events; see `streamOperation`. */
  stream<Op extends AiOperation>(
    operation: Op,
    body: AiRequest<Op>,
    options: OperationOptions = {},
  ): AsyncGenerator<AiEvent<Op>, void, undefined> {
    return streamOperation(this.session, operation, body, options);
  }

  /** Opens the code-completion WebSocket. */
  socket(): Promise<AtelierSocket> {
    if (!this.#WebSocket) {
      throw new TypeError('No WebSocket here: pass one as the WebSocket option (ws on Node 20)');
    }
    return AtelierSocket.open(this.session, this.#WebSocket);
  }

  analyze(request: AnalyzeRequest, options: { workspaceId?: string } = {}): Promise<Job> {
    return startAnalysis(this.session, request, options);
  }

  job(id: string): Promise<Job> {
    return getJob(this.session, id);
  }

  cancelJob(id: string): Promise<void> {
    return cancelJob(this.session, id);
  }

  watchJob(id: string, options?: WatchOptions): AsyncGenerator<Job, void, undefined> {
    return watchJob(this.session, id, options);
  }

  waitForJob(id: string, options?: WatchOptions): Promise<Job> {
    return waitForJob(this.session, id, options);
  }
}

export function createAtelierClient(options: AtelierClientOptions): AtelierClient {
  return new AtelierClient(options);
}
