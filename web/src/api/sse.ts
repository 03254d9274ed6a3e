/** One server-sent event. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Parses a `text/event-stream` body as it arrives (the WHATWG format:
 * blank-line separated blocks, `field: value` lines, comments start with
 * a colon). EventSource cannot send an Authorization header, so streams
 * are read from fetch.
 */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = blockEnd(buffer);
      while (end) {
        const event = parseBlock(buffer.slice(0, end.index));
        buffer = buffer.slice(end.index + end.length);
        if (event) yield event;
        end = blockEnd(buffer);
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function blockEnd(buffer: string): { index: number; length: number } | undefined {
  const match = /\r?\n\r?\n/.exec(buffer);
  return match ? { index: match.index, length: match[0].length } : undefined;
}

function parseBlock(block: string): SseEvent | undefined {
  const event: SseEvent = { event: 'message', data: '' };
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') event.id = value;
  }
  if (data.length === 0) return undefined;
  event.data = data.join('\n');
  return event;
}
