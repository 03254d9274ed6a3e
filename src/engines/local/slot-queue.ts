/**
 * A FIFO of waiters for a fixed number of slots: the local engine has one
 * context sequence per slot, so a request holding a slot can always take a
 * sequence, and requests beyond that wait their turn in arrival order.
 */

interface Waiter {
  grant: () => void;
  fail: (reason: unknown) => void;
}

/** Gives a slot back; calling it more than once has no further effect. */
export type ReleaseSlot = () => void;

export class SlotQueue {
  private free: number;
  private readonly waiters: Waiter[] = [];

  constructor(size: number) {
    this.free = size;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves once a slot is free; rejects with the signal's reason if aborted first. */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    signal?.throwIfAborted();
    if (this.free > 0 && this.waiters.length === 0) {
      this.free--;
      return Promise.resolve(this.createRelease());
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.remove(waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.createRelease());
        },
        fail: (reason) => {
          signal?.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Rejects every waiter, for shutdown. */
  rejectAll(reason: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter.fail(reason);
  }

  private createRelease(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next.grant();
      else this.free++;
    };
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}
