/**
 * A virtual clock for the tool's waits in tests: a sleep moves the clock forward at once instead of
 * waiting. Against an emulator without rate limits, real waiting (rate budgets, backoff, polls)
 * proves nothing; the code that decides how long to wait still runs, and still sees the time pass.
 * Used by the campaigns' applies and by the test pipeline's live reads (test/helpers/apply.ts).
 * Not for waits on the emulator's timed lifecycles (a domain CREATING for 2 s): the emulator's
 * clock does not follow this one.
 */
import type { Timing } from '../../src/aws/rate-budget.js';

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
