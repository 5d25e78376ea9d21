/**
 * The fault campaign, small: a few applies under random throttling, 5xx, resets, hangs and
 * commit-then-fail converge once the faults stop, with every violation count at zero.
 * (`npm run test:reliability` runs 500.)
 */
import { describe, expect, it } from 'vitest';
import { formatCounts } from './lib/counts.js';
import { runFaultCampaign } from './lib/fault.js';
import { expectClean } from './lib/expect-clean.js';

describe('fault campaign (small)', () => {
  it(
    'converges with no duplicate, no unmanaged touch, no delete after an incomplete read, no canary',
    { timeout: 120_000 },
    async () => {
      const counts = await runFaultCampaign(2);
      process.stdout.write(formatCounts('fault (small)', counts));
      expectClean(counts, 2);
      // The delete-safety count means something only if reads really were incomplete.
      expect(counts.exercised['incompleteReads'] ?? 0).toBeGreaterThan(0);
    },
  );
});
