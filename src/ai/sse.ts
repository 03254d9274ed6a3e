import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problemOf } from '../errors/error-handler.js';
import { logAbandonedRequest } from '../logger.js';
import type { Answer } from './answers.js';
import type { OperationRun } from './run-operation.js';
import { TextBatcher } from './text-batcher.js';

export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

/**
 * Server-sent events (WHATWG HTML, section 9.2) written straight on the
 * socket. The response is committed lazily, at the first event or the
 * first heartbeat, so that failures found before generation starts (a
 * missing file, no model, input too long) still answer with their status.
 */
export class EventStream {
  #committed = false;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
    heartbeatMs: number,
  ) {
    // A comment line keeps idle proxies and load balancers from timing out.
    this.#heartbeat = setInterval(() => this.#write(': ping\n\n'), heartbeatMs);
  }

  get committed(): boolean {
    return this.#committed;
  }

  get clientGone(): boolean {
    return this.reply.raw.destroyed;
  }

  /**
   * JSON never holds a raw newline, so each event is one `data` line. An
   * `id` lets the client resume after it with Last-Event-ID.
   */
  send(event: string, data: unknown, id?: number): void {
    const idLine = id === undefined ? '' : `id: ${id}\n`;
    this.#write(`${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the stream, and writes the request's log line if the client left. */
  end(): void {
    clearInterval(this.#heartbeat);
    if (this.clientGone) {
      if (!this.#committed) this.reply.hijack();
      logAbandonedRequest(this.request, this.reply);
    } else if (this.#committed) {
      this.reply.raw.end();
    }
  }

  #write(chunk: string): void {
    const raw = this.reply.raw;
    if (raw.destroyed || raw.writableEnded) return;
    if (!this.#committed) this.#commit();
    raw.write(chunk);
  }

  #commit(): void {
    this.#committed = true;
    this.reply.hijack();
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(this.reply.getHeaders())) {
      if (value !== undefined) headers[name] = value;
    }
    this.reply.raw.writeHead(200, {
      ...headers,
      'content-type': SSE_CONTENT_TYPE,
      'cache-control': 'no-cache',
      // nginx buffers proxied responses unless told not to.
      'x-accel-buffering': 'no',
    });
  }
}

/**
 * Runs an operation and answers with `token` events as text arrives, then
 * one `done` event with the JSON answer's fields, or an `error` event with
 * a problem body if it fails once the stream has begun. `base` is the run
 * the route prepared (user, workspace, the client-gone signal).
 */
export async function streamAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  base: OperationRun,
  produce: (run: OperationRun) => Promise<Answer<object>>,
): Promise<void> {
  const { streamHeartbeatMs, streamFlushMs } = request.server.config;
  const stream = new EventStream(request, reply, streamHeartbeatMs);
  const tokens = new TextBatcher((text) => stream.send('token', { text }), streamFlushMs);
  const run: OperationRun = { ...base, onText: (text) => tokens.push(text) };

  try {
    const { body, generation } = await produce(run);
    tokens.flush();
    request.finishReason = generation.finishReason;
    stream.send('done', body);
  } catch (err) {
    tokens.flush();
    if (!stream.committed && !stream.clientGone) throw err;
    const { problem } = problemOf(err as FastifyError, request);
    request.problemCode = problem.code;
    stream.send('error', problem);
  } finally {
    stream.end();
  }
}
