import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a stand-in answers; tests change it between calls. */
export interface WireBehaviour {
  /** Text of the answer, streamed word by word. */
  reply: string;
  /** Value answered when the request asks for structured JSON output. */
  json: unknown;
  /** Raw text answered instead of `json`, to play a model that breaks the format. */
  jsonText?: string;
  /** Answer every request with this HTTP status and an error body instead. */
  failStatus?: number;
  /** Pause between streamed chunks. */
  chunkDelayMs: number;
  /** Drop the connection after streaming this many chunks, like a provider dying. */
  failAfterChunks?: number;
  /** When set, requests wait for it before answering: a generation held open. */
  hold?: Promise<void>;
}

export interface WireServer {
  url: string;
  behaviour: WireBehaviour;
  /** Parsed JSON bodies of the requests received, oldest first. */
  requests: Array<Record<string, unknown>>;
  /** Responses whose connection the client closed before they were complete. */
  abortedResponses: number;
  close(): Promise<void>;
}

export type WireHandler = (
  body: Record<string, unknown>,
  res: ServerResponse,
  behaviour: WireBehaviour,
) => Promise<void>;

/** Starts a loopback HTTP server routing POST `path` to `handler`. */
export async function startWireServer(path: string, handler: WireHandler): Promise<WireServer> {
  const behaviour: WireBehaviour = { reply: 'Hello there', json: {}, chunkDelayMs: 0 };
  const requests: Array<Record<string, unknown>> = [];
  let abortedResponses = 0;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    res.once('close', () => {
      if (!res.writableFinished) abortedResponses++;
    });
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    requests.push(body);
    await behaviour.hold;
    await handler(body, res, behaviour);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    behaviour,
    requests,
    get abortedResponses() {
      return abortedResponses;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

export function jsonAnswer(behaviour: WireBehaviour): string {
  return behaviour.jsonText ?? JSON.stringify(behaviour.json);
}

/** Splits a reply into stream chunks that keep their spaces. */
export function splitWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Applies max tokens (one word a token) and stop strings like a real server. */
export function shapeReply(
  reply: string,
  maxTokens: number | undefined,
  stop: string[],
): { text: string; truncated: boolean } {
  let text = reply;
  for (const s of stop) {
    const at = text.indexOf(s);
    if (at >= 0) text = text.slice(0, at);
  }
  const words = splitWords(text);
  if (maxTokens !== undefined && words.length > maxTokens) {
    return { text: words.slice(0, maxTokens).join(''), truncated: true };
  }
  return { text, truncated: false };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Writes one server-sent event; false once the client has gone. */
export function writeEvent(res: ServerResponse, data: string, event?: string): boolean {
  if (res.destroyed) return false;
  res.write(`${event ? `event: ${event}\n` : ''}data: ${data}\n\n`);
  return true;
}
