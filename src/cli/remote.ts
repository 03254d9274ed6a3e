import { AtelierClient, ProblemError } from '@atelier/client';
import {
  type Credentials,
  readCredentials,
  removeCredentials,
  writeCredentials,
} from './credentials.js';

export interface Remote {
  client: AtelierClient;
  credentials: Credentials;
}

/** A client for the server of `atelier login`, saving rotated tokens as they come. */
export async function connect(): Promise<Remote> {
  const credentials = await readCredentials();
  if (!credentials) {
    throw new ProblemError(401, {
      code: 'not_authenticated',
      detail: 'not logged in: run `atelier login URL` first',
    });
  }
  const client = new AtelierClient({
    baseUrl: credentials.url,
    tokens: credentials.tokens,
    onTokens: async (tokens) => {
      if (!tokens) return removeCredentials();
      credentials.tokens = tokens;
      await writeCredentials(credentials);
    },
  });
  return { client, credentials };
}

/** Aborts on Ctrl-C, so that the server stops generating at once. */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}
