import type { TestApp } from './app.js';

/** Listens on a free loopback port and returns the base URL. */
export async function listenOnLoopback(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Closes a listening test app. After an aborted fetch, Node's fetch may
 * leave a fresh connection that never sends a request; the server would
 * wait for it until its headers timeout, so every connection is cut first.
 */
export async function closeListening(t: TestApp): Promise<void> {
  t.app.server.closeAllConnections();
  await t.close();
}
