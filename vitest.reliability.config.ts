import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: the full reliability campaigns (issue 9), opt-in and not part of
 * CI's default run; small versions of each run in `npm test` (test/campaigns/). Sizes can be
 * lowered with SMUS_FAULT_RUNS, SMUS_CRASH_RANDOM, SMUS_MODEL_RUNS, SMUS_MODEL_LENGTH and
 * SMUS_HOSTILE_RUNS. The parts and their balance are in test/reliability/campaigns.ts.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 60 * 60_000,
    hookTimeout: 60_000,
    // Two cores: the campaign files (the long campaigns are split into parts) run two at a time,
    // each in its own process. Said explicitly: vitest's default is one fewer than the cores, so
    // a single worker on a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
  },
});
