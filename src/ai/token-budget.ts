import { AppError } from '../errors/app-error.js';

/** Tokens charged to one key in the current window. */
export interface WindowUsage {
  used: number;
  /** Epoch milliseconds when the window ends and `used` starts again at 0. */
  resetsAt: number;
}

/**
 * Where token counts live. In-process for one server; a shared store (Redis)
 * can implement the same two calls for several.
 */
export interface TokenUsageStore {
  current(key: string, now: number): Promise<WindowUsage>;
  add(key: string, tokens: number, now: number): Promise<void>;
}

/** Entries kept before expired windows are swept. */
const SWEEP_AT = 1024;

/** Fixed windows per key, starting at a key's first charge. */
export class MemoryTokenUsageStore implements TokenUsageStore {
  private readonly windows = new Map<string, WindowUsage>();

  constructor(private readonly windowMs: number) {}

  async current(key: string, now: number): Promise<WindowUsage> {
    const window = this.windows.get(key);
    if (!window || window.resetsAt <= now) return { used: 0, resetsAt: now + this.windowMs };
    return { ...window };
  }

  async add(key: string, tokens: number, now: number): Promise<void> {
    if (this.windows.size >= SWEEP_AT) this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.resetsAt <= now) {
      this.windows.set(key, { used: tokens, resetsAt: now + this.windowMs });
      return;
    }
    window.used += tokens;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.resetsAt <= now) this.windows.delete(key);
    }
  }
}

/**
 * Prompt plus completion tokens per user and window. Checked before a
 * generation (refused once the budget is spent) and charged after it, like
 * a request limit: the request that crosses the line finishes, the next waits.
 */
export class TokenBudget {
  constructor(
    private readonly store: TokenUsageStore,
    /** Tokens per window; 0 turns budgets off. */
    readonly limit: number,
  ) {}

  async check(userId: string): Promise<void> {
    if (this.limit === 0) return;
    const now = Date.now();
    const { used, resetsAt } = await this.store.current(keyOf(userId), now);
    if (used < this.limit) return;

    const seconds = Math.max(1, Math.ceil((resetsAt - now) / 1000));
    throw new AppError(
      'token_budget_exceeded',
      `Token budget of ${this.limit} per window spent (${used} used); retry in ${seconds} s`,
      {
        headers: { 'retry-after': String(seconds) },
        extra: { limit: this.limit, used, retry_after_seconds: seconds },
      },
    );
  }

  async charge(userId: string, tokens: number): Promise<void> {
    if (this.limit === 0 || tokens <= 0) return;
    await this.store.add(keyOf(userId), tokens, Date.now());
  }
}

function keyOf(userId: string): string {
  return `user:${userId}`;
}
