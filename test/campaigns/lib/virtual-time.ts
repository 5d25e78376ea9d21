/**
 * A virtual clock for the campaigns' applies: a sleep moves the clock forward at once instead of
 * waiting. The campaigns' emulators have no rate limits and instant async states, so real waiting
 * (rate budgets, backoff, polls) proves nothing there; the code that decides how long to wait
 * still runs, and still sees the time pass.
 */
import type { Timing } from '../../../src/apply/rate-budget.js';

/** A clock that runs ahead of real time by the sum of every sleep so far. */
export function virtualTiming(): Timing {
  let ahead = 0;
  return {
    now: () => Date.now() + ahead,
    sleep: (ms) => {
      ahead += Math.max(0, ms);
      // One macrotask turn, so that a waiting loop lets I/O (the emulator's answers) in between.
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
