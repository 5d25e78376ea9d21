/** createLimiter: never more than N tasks at once, every task runs, failures pass through. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createLimiter } from '../../src/live/limit.js';

describe('createLimiter', () => {
  test('runs every task with at most N in flight, whatever the bound and the task count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(3), { maxLength: 30 }),
        async (bound, ticks) => {
          const limit = createLimiter(bound);
          let running = 0;
          let peak = 0;
          const results = await Promise.all(
            ticks.map((wait, index) =>
              limit(async () => {
                running += 1;
                peak = Math.max(peak, running);
                // Yield a few times so tasks overlap (no timers: microtasks only).
                for (let i = 0; i < wait; i += 1) await Promise.resolve();
                running -= 1;
                return index;
              }),
            ),
          );
          expect(results).toEqual(ticks.map((_, i) => i));
          expect(peak).toBeLessThanOrEqual(bound);
          if (ticks.length >= bound && ticks.every((t) => t > 0)) expect(peak).toBe(bound);
        },
      ),
    );
  });

  test('a rejected task rejects its caller and frees its slot', async () => {
    const limit = createLimiter(1);
    const failing = limit(() => Promise.reject(new Error('no')));
    const next = limit(async () => 'ok');
    await expect(failing).rejects.toThrow('no');
    await expect(next).resolves.toBe('ok');
  });

  test('a bound below one still runs tasks one at a time', async () => {
    const limit = createLimiter(0);
    await expect(Promise.all([limit(async () => 1), limit(async () => 2)])).resolves.toEqual([1, 2]);
  });
});
