import { describe, expect, it } from 'vitest';
import { SlotQueue } from '../../src/engines/local/slot-queue.js';

describe('slot queue', () => {
  it('grants free slots at once and the rest in arrival order', async () => {
    const queue = new SlotQueue(1);
    const order: string[] = [];
    const first = await queue.acquire();
    const second = queue.acquire().then((release) => {
      order.push('second');
      return release;
    });
    const third = queue.acquire().then((release) => {
      order.push('third');
      return release;
    });
    expect(queue.waiting).toBe(2);

    first();
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(queue.waiting).toBe(0);
  });

  it('drops a waiter whose signal aborts and serves the next one', async () => {
    const queue = new SlotQueue(1);
    const held = await queue.acquire();
    const controller = new AbortController();
    const abandoned = queue.acquire(controller.signal);
    const next = queue.acquire();

    controller.abort(new Error('client left'));
    await expect(abandoned).rejects.toThrow('client left');
    held();
    const release = await next;
    expect(queue.waiting).toBe(0);
    release();
  });

  it('rejects every waiter on shutdown', async () => {
    const queue = new SlotQueue(1);
    await queue.acquire();
    const waiting = queue.acquire();
    queue.rejectAll(new Error('closing'));
    await expect(waiting).rejects.toThrow('closing');
  });
});
