import { AtelierClient, type Tokens } from '@atelier/client';
import WebSocket from 'ws';
import type { TestApp } from '../helpers/app.js';
import { addUser, type TestUser } from '../helpers/app.js';
import { listenOnLoopback } from '../helpers/listen.js';

export interface ServedApp {
  t: TestApp;
  base: string;
  user: TestUser;
}

/** Listens on loopback and adds one user, for clients to talk to. */
export async function serve(t: TestApp, username = 'ada'): Promise<ServedApp> {
  const base = await listenOnLoopback(t);
  return { t, base, user: await addUser(t.app, username) };
}

/** A client that records every token change it is told to persist. */
export function recordingClient(base: string, tokens?: Tokens) {
  const saved: Array<Tokens | undefined> = [];
  const client = new AtelierClient({
    baseUrl: base,
    tokens,
    onTokens: (next) => {
      saved.push(next);
    },
    WebSocket,
  });
  return { client, saved };
}
