export interface ServerSentEvent {
  event: string;
  data: unknown;
}

export interface EventStreamReading {
  events: ServerSentEvent[];
  /** Comment lines (heartbeats), without the leading colon. */
  comments: string[];
}

/** Reads a `text/event-stream` body to its end, keeping events in order. */
export async function readEventStream(response: Response): Promise<EventStreamReading> {
  const reading: EventStreamReading = { events: [], comments: [] };
  for await (const block of eventBlocks(response)) addBlock(reading, block);
  return reading;
}

/** Yields each blank-line-separated block as it arrives. */
export async function* eventBlocks(response: Response): AsyncGenerator<string> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk as Uint8Array, { stream: true });
    let end = buffered.indexOf('\n\n');
    while (end >= 0) {
      yield buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\n\n');
    }
  }
}

export function addBlock(reading: EventStreamReading, block: string): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) reading.comments.push(line.slice(1).trim());
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length > 0) reading.events.push({ event, data: JSON.parse(data.join('\n')) });
}
