/**
 * Issue 18: the rate budget keeps to the documented rate without a second's burst (a burst after
 * an idle spell emptied the service's bucket and got the next calls throttled), and without
 * losing rate to rounded-up sleeps. The clock is virtual: sleeps move it at once.
 */
import { describe, expect, test } from 'vitest';
import { capacityOf, RateBudget } from '../../src/aws/rate-budget.js';

function virtualBudget(tps: number): { budget: RateBudget; clock: { now: number } } {
  const clock = { now: 0 };
  const timing = { now: () => clock.now, sleep: async (ms: number) => void (clock.now += ms) };
  return { budget: new RateBudget(() => tps, timing, 10), clock };
}

describe('rate budget', () => {
  test('after a long idle spell it sends at most one call and a little slack at once, not a second of them', async () => {
    const { budget, clock } = virtualBudget(3);
    await budget.take('CreateProject', 'a');
    clock.now += 60_000;
    const sentAt: number[] = [];
    for (let i = 0; i < 30; i++) {
      await budget.take('CreateProject', 'a');
      sentAt.push(clock.now);
    }
    const atOnce = sentAt.filter((t) => t === 60_000).length;
    expect(atOnce).toBe(Math.floor(capacityOf(30)));
    expect(atOnce).toBeLessThan(30);
    // The rest go out at the rate: 30 TPS (3 × scale 10).
    expect(sentAt.at(-1)! - 60_000).toBeGreaterThanOrEqual(((30 - capacityOf(30)) / 30) * 1000 - 1);
  });

  test('held at the rate, a long run loses nothing to rounded-up sleeps', async () => {
    const { budget, clock } = virtualBudget(3);
    for (let i = 0; i < 301; i++) await budget.take('CreateProject', 'a');
    // 300 intervals of 33.3 ms: 10 s, not 300 × 34 ms = 10.2 s.
    expect(clock.now).toBeGreaterThanOrEqual(9_999);
    expect(clock.now).toBeLessThan(10_050);
  });

  test('each scope and operation has a bucket of its own', async () => {
    const { budget, clock } = virtualBudget(3);
    await budget.take('CreateProject', 'a');
    await budget.take('CreateProject', 'b');
    await budget.take('UpdateProject', 'a');
    expect(clock.now).toBe(0);
    await budget.take('CreateProject', 'a');
    expect(clock.now).toBeGreaterThan(0);
  });
});
