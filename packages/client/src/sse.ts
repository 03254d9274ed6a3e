import { EventSourceParserStream } from 'eventsource-parser/stream';
import {
  type AiEvent,
  type AiOperation,
  type AiRequest,
  type AiResult,
  type OperationOptions,
  operationPath,
} from './operations.js';
import { ProblemError, problemOf } from './problem.js';
import type { Session } from './session.js';

/**
 * Runs an AI operation with `stream: true` and yields its server-sent
 * events. A problem before the stream or an `error` event is thrown as a
 * ProblemError; leaving the loop early disconnects, which stops generation.
 */
export async function* streamOperation<Op extends AiOperation>(
  session: Session,
  operation: Op,
  body: AiRequest<Op>,
  options: OperationOptions = {},
): AsyncGenerator<AiEvent<Op>, void, undefined> {
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const response = await session.fetch(
      new Request(session.baseUrl + operationPath(operation, options.workspaceId), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ ...body, stream: true }),
        signal: controller.signal,
      }),
    );
    if (!response.ok || !response.body) throw await problemOf(response);

    const reader = response.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream())
      .getReader();
    for (;;) {
      const { value: message, done } = await reader.read();
      if (done) break;
      const data = JSON.parse(message.data) as Record<string, unknown>;
      if (message.event === 'token') yield { type: 'token', text: String(data.text ?? '') };
      if (message.event === 'done') {
        yield { type: 'done', result: data as AiResult<Op> };
        return;
      }
      if (message.event === 'error') throw new ProblemError(Number(data.status ?? 502), data);
    }
    throw new ProblemError(502, {
      code: 'stream_interrupted',
      detail: 'The event stream ended before its done event',
    });
  } finally {
    options.signal?.removeEventListener('abort', stop);
    controller.abort();
  }
}
