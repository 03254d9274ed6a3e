import type { FastifyError, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { OPERATIONS } from '../ai/answers.js';
import type { AiOperationName, OperationRun } from '../ai/run-operation.js';
import { TextBatcher } from '../ai/text-batcher.js';
import type { AuthUser } from '../auth/authenticate.js';
import { AppError } from '../errors/app-error.js';
import { problemOf } from '../errors/error-handler.js';
import { JobSubscriptions } from './job-subscriptions.js';
import { handshakeToken, identify, isStillEnabled, type SocketIdentity } from './socket-auth.js';
import { type ClientMessage, parseClientMessage, type RequestId } from './socket-messages.js';

/** Close code for every authentication failure, after HTTP's 401. */
export const CLOSE_UNAUTHORIZED = 4401;
/** RFC 6455's policy-violation close code. */
export const CLOSE_POLICY = 1008;
/**
 * Malformed messages in a row after which the socket is closed: each one
 * costs an error reply, so a client flooding garbage would otherwise keep
 * the event loop busy answering it.
 */
export const MAX_MALFORMED_IN_A_ROW = 20;

/** setTimeout holds at most a signed 32-bit number of milliseconds. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Checks one request against the user's per-operation rate limit. */
export type OperationLimiter = (request: FastifyRequest) => Promise<{
  isAllowed: boolean;
  isExceeded?: boolean;
  ttlInSeconds?: number;
}>;

export interface SocketSettings {
  authTimeoutMs: number;
  pingIntervalMs: number;
  maxInFlight: number;
  limiters: Record<AiOperationName, OperationLimiter>;
}

/**
 * One `/ws/code-completion` connection: authenticates it, runs its AI
 * requests concurrently (told apart by `id`), streams their text, and
 * stops them when cancelled or when the socket goes away.
 */
export class CompletionSocket {
  #user?: AuthUser;
  #authTimer?: NodeJS.Timeout;
  #expiryTimer?: NodeJS.Timeout;
  readonly #pingTimer: NodeJS.Timeout;
  #alive = true;
  #handled = 0;
  #malformedInARow = 0;
  #queue: Promise<void> = Promise.resolve();
  readonly #inFlight = new Map<string, AbortController>();
  readonly #jobs: JobSubscriptions;

  constructor(
    private readonly socket: WebSocket,
    private readonly request: FastifyRequest,
    private readonly settings: SocketSettings,
  ) {
    this.#jobs = new JobSubscriptions(request.server, (message) => this.#send(message));
    // Listeners first: frames may already be waiting once the upgrade is done.
    socket.on('message', (data, isBinary) => this.#enqueue(data, isBinary));
    socket.on('pong', () => {
      this.#alive = true;
    });
    socket.once('close', (code, reason) => this.#closed(code, reason.toString()));
    this.#pingTimer = setInterval(() => this.#ping(), settings.pingIntervalMs);

    const token = handshakeToken(request);
    if (token) this.#queue = this.#authenticate(token);
    else
      this.#authTimer = setTimeout(
        () => this.#refuse('authentication timed out'),
        settings.authTimeoutMs,
      );
  }

  #enqueue(data: RawData, isBinary: boolean): void {
    // One message at a time, so that an `auth` is settled before the next frame.
    this.#queue = this.#queue
      .then(() => this.#handle(data, isBinary))
      .catch((err: unknown) => this.request.log.error({ err }, 'websocket message failed'));
  }

  async #handle(data: RawData, isBinary: boolean): Promise<void> {
    if (this.socket.readyState !== this.socket.OPEN) return;
    const parsed = parseClientMessage(data, isBinary);
    if (!this.#user) {
      if (parsed.ok && parsed.message.type === 'auth')
        return this.#authenticate(parsed.message.token);
      return this.#refuse('authentication required');
    }
    if (!parsed.ok) return this.#malformed(parsed.id, parsed.error);
    this.#malformedInARow = 0;
    await this.#dispatch(parsed.message);
  }

  #malformed(id: RequestId | null, error: AppError): void {
    this.#malformedInARow++;
    if (this.#malformedInARow <= MAX_MALFORMED_IN_A_ROW) {
      this.#sendError(id, error);
    } else if (this.socket.readyState === this.socket.OPEN) {
      this.socket.close(CLOSE_POLICY, 'too many malformed messages');
    }
  }

  async #dispatch(message: ClientMessage): Promise<void> {
    if (message.type === 'auth') return this.#authenticate(message.token);
    if (message.type === 'cancel') return this.#cancel(message.id);
    if (message.type === 'subscribe_job') return this.#subscribe(message.jobId, message.afterSeq);
    if (message.type === 'unsubscribe_job') return this.#jobs.unsubscribe(message.jobId);
    await this.#start(message.type, message.id, message.body);
  }

  async #subscribe(jobId: string, afterSeq: number): Promise<void> {
    try {
      await this.#jobs.subscribe((this.#user as AuthUser).id, jobId, afterSeq);
    } catch (err) {
      this.#send({ ...this.#errorMessage(null, err), job_id: jobId });
    }
  }

  async #authenticate(token: string): Promise<void> {
    let identity: SocketIdentity;
    try {
      identity = await identify(this.request.server, token);
    } catch (err) {
      return this.#refuse(err instanceof AppError ? err.message : 'invalid token');
    }
    if (this.#user && this.#user.id !== identity.user.id) {
      return this.#sendError(
        null,
        new AppError('invalid_token', 'The socket belongs to another user'),
      );
    }

    clearTimeout(this.#authTimer);
    this.#user = identity.user;
    // Rate limits key on the request's user, as on REST routes.
    this.request.user = identity.user;
    this.#armExpiry(identity.expiresAt);
    const { id, username } = identity.user;
    this.#send({ type: 'ready', user: { id, username }, expires_at: identity.expiresAt });
  }

  #armExpiry(expiresAt: number): void {
    clearTimeout(this.#expiryTimer);
    const delay = expiresAt * 1000 - Date.now();
    this.#expiryTimer =
      delay > MAX_TIMER_MS
        ? setTimeout(() => this.#armExpiry(expiresAt), MAX_TIMER_MS)
        : setTimeout(() => this.#refuse('token expired'), Math.max(0, delay));
  }

  async #start(operation: AiOperationName, id: RequestId, body: object): Promise<void> {
    const key = String(id);
    // A limiter that cannot reach Redis throws; the client still gets an answer.
    const refusal = await this.#admit(operation, key).catch((err: unknown) => err);
    if (refusal) return this.#sendError(id, refusal);
    const user = this.#user as AuthUser;
    if (!(await isStillEnabled(this.request.server, user.id))) {
      return this.#refuse('user disabled');
    }

    const controller = new AbortController();
    this.#inFlight.set(key, controller);
    this.#handled++;
    const tokens = new TextBatcher(
      (text) => this.#send({ type: 'token', id, text }),
      this.request.server.config.streamFlushMs,
    );
    const run: OperationRun = {
      app: this.request.server,
      user,
      signal: controller.signal,
      onText: (text) => tokens.push(text),
    };
    OPERATIONS[operation]
      .answer(run, body as never)
      .finally(() => tokens.flush())
      .then(
        ({ body: answer, generation }) => {
          this.#send({ type: 'done', id, ...answer });
          this.#logRequest(operation, id, { finish: generation.finishReason });
        },
        (err: unknown) => {
          const message = this.#errorMessage(id, err);
          this.#send(message);
          this.#logRequest(operation, id, { code: message.code });
        },
      )
      .finally(() => this.#inFlight.delete(key));
  }

  /** Why a new request may not start now, if it may not. */
  async #admit(operation: AiOperationName, key: string): Promise<AppError | undefined> {
    if (this.#inFlight.has(key)) {
      return new AppError('duplicate_request_id', `Request ${key} is still in flight`);
    }
    if (this.#inFlight.size >= this.settings.maxInFlight) {
      const detail = `At most ${this.settings.maxInFlight} requests may run at once on a socket`;
      return new AppError('too_many_in_flight', detail);
    }
    const limit = await this.settings.limiters[operation](this.request);
    if (limit.isAllowed || !limit.isExceeded) return undefined;
    return new AppError('rate_limited', `Rate limit exceeded; retry in ${limit.ttlInSeconds} s`, {
      extra: { retry_after_seconds: limit.ttlInSeconds },
    });
  }

  #cancel(id: RequestId): void {
    const controller = this.#inFlight.get(String(id));
    if (controller) controller.abort(new Error('cancelled by the client'));
    else this.#sendError(id, new AppError('request_not_found', `No request ${id} in flight`));
  }

  #ping(): void {
    // A peer that has not answered the previous ping is gone without a close.
    if (!this.#alive) {
      this.socket.terminate();
      return;
    }
    this.#alive = false;
    this.socket.ping();
  }

  #refuse(reason: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(CLOSE_UNAUTHORIZED, reason);
  }

  #send(message: object): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  #sendError(id: RequestId | null, err: unknown): void {
    this.#send(this.#errorMessage(id, err));
  }

  /** An `error` message from the problem body the error would have on REST. */
  #errorMessage(id: RequestId | null, err: unknown) {
    const { problem } = problemOf(err as FastifyError, this.request);
    const { type: _t, title: _ti, instance: _i, request_id: _r, ...fields } = problem;
    return { ...fields, type: 'error', id };
  }

  #logRequest(operation: AiOperationName, id: RequestId, outcome: object): void {
    const userId = this.#user?.id;
    this.request.log.info({ operation, id, userId, ...outcome }, 'websocket request completed');
  }

  #closed(code: number, reason: string): void {
    clearInterval(this.#pingTimer);
    clearTimeout(this.#authTimer);
    clearTimeout(this.#expiryTimer);
    for (const controller of this.#inFlight.values()) {
      controller.abort(new Error('socket closed'));
    }
    this.#jobs.closeAll();
    const fields = { userId: this.#user?.id, code, reason, requests: this.#handled };
    this.request.log.info(fields, 'websocket closed');
  }
}
