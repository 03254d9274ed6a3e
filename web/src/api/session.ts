import { ApiError, errorFromResponse, networkError } from './api-error.js';
import type { TokenPair } from './types.js';

const API = '/api/v1';
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_SECONDS = 30;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Tokens live in this object only, never in storage, so that a script
 * injected into another page or a stolen disk cannot read them. The access
 * token is refreshed shortly before it expires and once more when the
 * server says it is no longer valid.
 */
export class Session {
  private tokens: TokenPair | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | undefined;
  onSignedOut: (reason: ApiError | undefined) => void = () => {};

  get signedIn(): boolean {
    return this.tokens !== undefined;
  }

  async logIn(username: string, password: string): Promise<void> {
    const form = new URLSearchParams({ grant_type: 'password', username, password });
    const response = await send(`${API}/auth/token`, { method: 'POST', body: form });
    if (!response.ok) throw await errorFromResponse(response);
    this.store((await response.json()) as TokenPair);
  }

  async logOut(): Promise<void> {
    const refresh = this.tokens?.refresh_token;
    this.clear();
    if (refresh) {
      await send(`${API}/auth/logout`, jsonInit('POST', { refresh_token: refresh })).catch(
        () => undefined,
      );
    }
    this.onSignedOut(undefined);
  }

  /** One refresh at a time: concurrent callers wait for the same exchange. */
  refresh(): Promise<void> {
    this.refreshing ??= this.exchange().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** A fetch with the bearer token; a 401 `invalid_token` refreshes and retries once. */
  async fetch(path: string, options: RequestOptions = {}): Promise<Response> {
    let response = await this.authorized(path, options);
    if (response.status === 401 && this.tokens) {
      const problem = await errorFromResponse(response.clone());
      if (problem.code !== 'invalid_token') return response;
      await this.refresh();
      response = await this.authorized(path, options);
    }
    return response;
  }

  /** `fetch` that throws an ApiError on failure and parses JSON on success. */
  async json<T>(
    path: string,
    options: RequestOptions = {},
  ): Promise<{ body: T; response: Response }> {
    const response = await this.fetch(path, options);
    if (!response.ok) throw await errorFromResponse(response);
    const body = (response.status === 204 ? undefined : await response.json()) as T;
    return { body, response };
  }

  private authorized(path: string, options: RequestOptions): Promise<Response> {
    const init = jsonInit(options.method ?? 'GET', options.body, options.headers);
    if (this.tokens) {
      (init.headers as Record<string, string>).authorization = `Bearer ${this.tokens.access_token}`;
    }
    init.signal = options.signal;
    return send(`${API}${path}`, init);
  }

  private async exchange(): Promise<void> {
    const refresh = this.tokens?.refresh_token;
    if (!refresh) throw new ApiError({ title: 'Signed out', status: 401, code: 'invalid_token' });
    const response = await send(
      `${API}/auth/refresh`,
      jsonInit('POST', { refresh_token: refresh }),
    );
    if (!response.ok) {
      const error = await errorFromResponse(response);
      // A refused refresh ends the session; a network or server failure does not.
      if (response.status === 401) {
        this.clear();
        this.onSignedOut(error);
      }
      throw error;
    }
    this.store((await response.json()) as TokenPair);
  }

  private store(tokens: TokenPair): void {
    this.tokens = tokens;
    clearTimeout(this.timer);
    const delay = Math.max(5, tokens.expires_in - REFRESH_MARGIN_SECONDS) * 1000;
    this.timer = setTimeout(() => {
      this.refresh().catch(() => undefined);
    }, delay);
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.tokens = undefined;
  }
}

function jsonInit(method: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return init;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
}
