import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  url: string;
  /** The Range header of each request, or null when there was none. */
  ranges: Array<string | null>;
  close(): Promise<void>;
}

/** Serves one file body over loopback HTTP, honouring `Range: bytes=N-` like a CDN. */
export async function startFileServer(body: Buffer, name = 'model.gguf'): Promise<FileServer> {
  const ranges: Array<string | null> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== `/${name}`) {
      res.writeHead(404).end();
      return;
    }
    ranges.push(req.headers.range ?? null);
    const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
    if (start >= body.length && start > 0) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    const headers: Record<string, string | number> = { 'content-length': body.length - start };
    if (start > 0) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    res.writeHead(start > 0 ? 206 : 200, headers);
    res.end(req.method === 'HEAD' ? undefined : body.subarray(start));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    ranges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback URL on a port nothing listens on, so connecting is refused at once. */
export async function closedPortUrl(name = 'model.gguf'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/${name}`;
}
