import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/live/limit.js';
import { ReadContext } from '../../src/live/read-context.js';

/** A task that stays in flight until released, counting how many run at once. */
function gate() {
  let running = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const task = () =>
    new Promise<number>((resolve) => {
      running += 1;
      most = Math.max(most, running);
      releases.push(() => {
        running -= 1;
        resolve(running);
      });
    });
  return { task, releases, most: () => most };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('ReadContext.resource', () => {
  it('fetches at most the bound of resources at once, in the order they were started', async () => {
    const read = new ReadContext(createLimiter(8), undefined, undefined, createLimiter(2));
    const g = gate();
    const order: number[] = [];
    const all = [0, 1, 2, 3, 4].map((i) =>
      read.resource(async () => {
        order.push(i);
        return g.task();
      }),
    );
    await settle();
    expect(order).toEqual([0, 1]);
    while (g.releases.length > 0) {
      g.releases.shift()?.();
      await settle();
    }
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(g.most()).toBe(2);
  });

  it('is shared by a fork, so a forked read stays under the same bound', async () => {
    const read = new ReadContext(createLimiter(8), undefined, undefined, createLimiter(1));
    const fork = read.fork();
    const g = gate();
    const a = read.resource(g.task);
    const b = fork.resource(g.task);
    await settle();
    expect(g.releases).toHaveLength(1);
    g.releases.shift()?.();
    await settle();
    expect(g.releases).toHaveLength(1);
    g.releases.shift()?.();
    await Promise.all([a, b]);
    expect(g.most()).toBe(1);
  });

  it('is unbounded when no bound is given (the apply and scoped lookups)', async () => {
    const read = new ReadContext(createLimiter(1));
    const g = gate();
    const all = [0, 1, 2].map(() => read.resource(g.task));
    await settle();
    expect(g.releases).toHaveLength(3);
    for (const release of g.releases.splice(0)) release();
    await Promise.all(all);
  });
});
