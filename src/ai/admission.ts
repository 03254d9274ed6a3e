import { AppError } from '../errors/app-error.js';

export interface AdmissionLimits {
  /** Generations running at once, across all users. */
  capacity: number;
  /** Generations one user may run at once. */
  perUser: number;
  /** Requests that may wait; more are refused at once. */
  maxQueue: number;
  /** How long a request may wait before it is refused. */
  maxWaitMs: number;
}

/** A granted place; `release` gives it back and may be called more than once. */
export interface AdmissionTicket {
  waitedMs: number;
  release: () => void;
}

interface Waiter {
  userId: string;
  grant: () => void;
}

/** Starting guess for how long a generation holds its place, before any finished. */
const INITIAL_HOLD_MS = 2000;
/** Weight of the newest hold time in the running mean behind Retry-After. */
const HOLD_WEIGHT = 0.2;

/**
 * Admission control in front of the engine: at most `capacity` generations
 * run and at most `perUser` of them belong to one user. Others wait in one
 * FIFO queue; a waiter whose user is at the limit lets later users' requests
 * pass, so one busy user cannot hold up everybody. Nobody waits longer than
 * `maxWaitMs`, and the queue has a bound, so the engine's own queue stays
 * short and a flood is refused quickly instead of timing out everywhere.
 */
export class Admission {
  private active = 0;
  private readonly activeByUser = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  private meanHoldMs = INITIAL_HOLD_MS;

  constructor(private readonly limits: AdmissionLimits) {}

  /** Requests waiting for a place. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Generations holding a place. */
  get running(): number {
    return this.active;
  }

  /**
   * Waits for a place. Rejects with 429 `concurrency_limited` when the wait
   * ran out while the user was at their own limit, else 503 `server_busy`.
   * When `signal` aborts while waiting, the request leaves the queue and
   * gets a ticket holding nothing, so the caller ends as cancelled.
   */
  admit(userId: string, signal: AbortSignal): Promise<AdmissionTicket> {
    const requested = performance.now();
    if (signal.aborted) return Promise.resolve(emptyTicket(0));
    if (this.waiters.length === 0 && this.canRun(userId)) {
      return Promise.resolve(this.take(userId, requested));
    }
    if (this.waiters.length >= this.limits.maxQueue || this.limits.maxWaitMs === 0) {
      return Promise.reject(this.refusal(userId, 'full'));
    }

    return new Promise((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
      };
      const onAbort = () => {
        leave();
        resolve(emptyTicket(performance.now() - requested));
      };
      const waiter: Waiter = {
        userId,
        grant: () => {
          leave();
          resolve(this.take(userId, requested));
        },
      };
      const timer = setTimeout(() => {
        leave();
        reject(this.refusal(userId, 'timeout'));
      }, this.limits.maxWaitMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  private canRun(userId: string): boolean {
    const mine = this.activeByUser.get(userId) ?? 0;
    return this.active < this.limits.capacity && mine < this.limits.perUser;
  }

  private take(userId: string, requested: number): AdmissionTicket {
    this.active++;
    this.activeByUser.set(userId, (this.activeByUser.get(userId) ?? 0) + 1);
    const granted = performance.now();
    let released = false;
    return {
      waitedMs: granted - requested,
      release: () => {
        if (released) return;
        released = true;
        this.give(userId, performance.now() - granted);
      },
    };
  }

  private give(userId: string, heldMs: number): void {
    this.active--;
    const mine = (this.activeByUser.get(userId) ?? 1) - 1;
    if (mine === 0) this.activeByUser.delete(userId);
    else this.activeByUser.set(userId, mine);
    this.meanHoldMs += HOLD_WEIGHT * (heldMs - this.meanHoldMs);
    this.pump();
  }

  /** Grants places to the earliest waiters that may run, in arrival order. */
  private pump(): void {
    for (let i = 0; i < this.waiters.length && this.active < this.limits.capacity; ) {
      const waiter = this.waiters[i] as Waiter;
      if (this.canRun(waiter.userId)) waiter.grant();
      else i++;
    }
  }

  private refusal(userId: string, why: 'full' | 'timeout'): AppError {
    const userLimited = (this.activeByUser.get(userId) ?? 0) >= this.limits.perUser;
    if (why === 'timeout' && userLimited) {
      const seconds = retrySeconds(this.meanHoldMs);
      return new AppError(
        'concurrency_limited',
        `At most ${this.limits.perUser} generation(s) per user run at once; ` +
          `retry in ${seconds} s or wait for one to finish`,
        { headers: { 'retry-after': String(seconds) }, extra: { retry_after_seconds: seconds } },
      );
    }
    const seconds = retrySeconds(
      (this.meanHoldMs * (this.waiters.length + 1)) / this.limits.capacity,
    );
    const detail =
      why === 'full'
        ? `The generation queue is full (${this.limits.maxQueue} waiting)`
        : `No generation slot became free within ${this.limits.maxWaitMs} ms`;
    return new AppError('server_busy', `${detail}; retry in ${seconds} s`, {
      headers: { 'retry-after': String(seconds) },
      extra: { retry_after_seconds: seconds },
    });
  }
}

function emptyTicket(waitedMs: number): AdmissionTicket {
  return { waitedMs, release: () => {} };
}

function retrySeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
