import { ProblemError, problemOf } from './problem.js';

/** What a session keeps; `expiresAt` is in milliseconds since the epoch. */
export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: number;
}

export type FetchLike = (request: Request) => Promise<Response>;

export interface SessionOptions {
  baseUrl: string;
  tokens?: Tokens;
  /** A long-lived `atk_` key; used as is, never refreshed. */
  apiKey?: string;
  /** Called after every login, refresh and logout, to persist the tokens. */
  onTokens?: (tokens: Tokens | undefined) => void | Promise<void>;
  fetch?: FetchLike;
}

interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** Refresh this long before the access token expires, against clock skew. */
const EXPIRY_MARGIN_MS = 10_000;

/**
 * The credentials of one client: logs in, attaches the bearer token to
 * requests and exchanges the refresh token when the access token is refused.
 */
export class Session {
  readonly baseUrl: string;
  #tokens: Tokens | undefined;
  #apiKey: string | undefined;
  #onTokens: SessionOptions['onTokens'];
  #fetch: FetchLike;
  #refreshing: Promise<Tokens> | undefined;

  constructor(options: SessionOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#tokens = options.tokens;
    this.#apiKey = options.apiKey;
    this.#onTokens = options.onTokens;
    this.#fetch = options.fetch ?? ((request) => fetch(request));
  }

  get tokens(): Tokens | undefined {
    return this.#tokens;
  }

  /** OAuth2 password grant, form-encoded as RFC 6749 section 4.3 asks. */
  async login(username: string, password: string): Promise<Tokens> {
    const body = new URLSearchParams({ grant_type: 'password', username, password });
    const answer = await this.#post('/api/v1/auth/token', body);
    return this.#store(answer);
  }

  /** Revokes the refresh token's session on the server and forgets the tokens. */
  async logout(): Promise<void> {
    const refreshToken = this.#tokens?.refreshToken;
    this.#tokens = undefined;
    await this.#onTokens?.(undefined);
    if (refreshToken) {
      await this.#post('/api/v1/auth/logout', new URLSearchParams({ refresh_token: refreshToken }));
    }
  }

  /**
   * Exchanges the refresh token. Concurrent callers share one exchange:
   * presenting a used refresh token again would revoke the whole session.
   */
  refresh(): Promise<Tokens> {
    this.#refreshing ??= this.#exchange().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /** A bearer credential that is valid now, refreshing first if it is about to expire. */
  async credential(): Promise<string | undefined> {
    if (this.#apiKey) return this.#apiKey;
    const tokens = this.#tokens;
    if (!tokens) return undefined;
    const expiring =
      tokens.expiresAt !== undefined && tokens.expiresAt - EXPIRY_MARGIN_MS < Date.now();
    if (expiring && tokens.refreshToken) return (await this.refresh()).accessToken;
    return tokens.accessToken;
  }

  /** fetch with the bearer token; a 401 is retried once after a refresh. */
  readonly fetch: FetchLike = async (request) => {
    const retry = request.clone();
    const used = await this.credential();
    const response = await this.#fetch(withBearer(request, used));
    if (response.status !== 401 || !this.#canRefresh()) return response;

    // Another request may have refreshed meanwhile; then its token is used.
    const current = this.#tokens?.accessToken;
    const token = current !== used ? current : (await this.refresh()).accessToken;
    await response.body?.cancel();
    return this.#fetch(withBearer(retry, token));
  };

  #canRefresh(): boolean {
    return this.#apiKey === undefined && this.#tokens?.refreshToken !== undefined;
  }

  async #exchange(): Promise<Tokens> {
    const refreshToken = this.#tokens?.refreshToken;
    if (!refreshToken)
      throw new ProblemError(401, { code: 'not_authenticated', detail: 'Log in first' });
    try {
      const body = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      });
      return await this.#store(await this.#post('/api/v1/auth/refresh', body));
    } catch (err) {
      // A refused refresh token is dead for good; a server that is down is not.
      if (err instanceof ProblemError && err.status === 401) {
        this.#tokens = undefined;
        await this.#onTokens?.(undefined);
      }
      throw err;
    }
  }

  async #post(path: string, body: URLSearchParams): Promise<TokenAnswer> {
    const response = await this.#fetch(new Request(this.baseUrl + path, { method: 'POST', body }));
    if (!response.ok) throw await problemOf(response);
    return response.status === 204 ? ({} as TokenAnswer) : ((await response.json()) as TokenAnswer);
  }

  async #store(answer: TokenAnswer): Promise<Tokens> {
    const tokens = {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: Date.now() + answer.expires_in * 1000,
    };
    this.#tokens = tokens;
    await this.#onTokens?.(tokens);
    return tokens;
  }
}

function withBearer(request: Request, token: string | undefined): Request {
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}
