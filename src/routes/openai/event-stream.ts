import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply } from 'fastify';

/**
 * Server-sent events in OpenAI's streaming format: `data: JSON` per chunk
 * and `data: [DONE]` at the end. Headers go out with the first event, so
 * a request refused before generating (429, 503) still gets a plain error
 * response with its status.
 */
export class EventStream {
  private open = false;

  constructor(private readonly reply: FastifyReply) {}

  get started(): boolean {
    return this.open;
  }

  send(data: unknown): void {
    this.start();
    this.reply.raw.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the stream; `[DONE]` only after a complete answer. */
  end(done: boolean): void {
    this.start();
    if (done) this.reply.raw.write('data: [DONE]\n\n');
    this.reply.raw.end();
  }

  private start(): void {
    if (this.open) return;
    this.open = true;
    this.reply.hijack();
    // Headers set by hooks so far (request id, CORS, security) go out too.
    const set = this.reply.getHeaders() as OutgoingHttpHeaders;
    this.reply.raw.writeHead(200, {
      ...set,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      // Proxies such as nginx would otherwise buffer the events.
      'x-accel-buffering': 'no',
    });
  }
}
