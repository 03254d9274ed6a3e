import { ApiError, errorFromResponse } from './api-error.js';
import type { Session } from './session.js';
import { readEvents } from './sse.js';
import type { AiOperation, AiResults, Problem } from './types.js';

export interface StreamHandlers {
  /** Text as the model generates it. */
  onText: (text: string) => void;
}

/**
 * Runs an AI operation with `stream: true` and reads its events; resolves
 * with the `done` event's answer. Aborting the signal closes the stream,
 * which stops the generation on the server.
 */
export async function streamAi<Op extends AiOperation>(
  session: Session,
  operation: Op,
  body: Record<string, unknown>,
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<AiResults[Op]> {
  const response = await session.fetch(`/ai/${operation}`, {
    method: 'POST',
    body: { ...body, stream: true },
    headers: { accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok) throw await errorFromResponse(response);
  if (!response.body) throw new ApiError({ title: 'Empty answer', status: 502, code: '' });

  for await (const event of readEvents(response.body)) {
    const data = JSON.parse(event.data) as unknown;
    if (event.event === 'token') handlers.onText((data as { text: string }).text);
    else if (event.event === 'done') return data as AiResults[Op];
    else if (event.event === 'error') throw new ApiError(data as Problem);
  }
  throw new ApiError({
    title: 'The stream ended early',
    status: 502,
    code: 'stream_ended',
    detail: 'The server closed the stream before the answer was complete; try again.',
  });
}
