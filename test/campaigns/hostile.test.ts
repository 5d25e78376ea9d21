/**
 * The hostile-input campaign, small: 150 generated and mutated inputs never throw, never pollute
 * a prototype, and are either valid or rejected with a located error.
 * (`npm run test:reliability` runs 10,000.)
 */
import { describe, expect, it } from 'vitest';
import { formatCounts } from './lib/counts.js';
import { runHostileCampaign } from './lib/hostile.js';

describe('hostile-input campaign (small)', () => {
  it('every mutated input is valid or rejected with a located error', { timeout: 60_000 }, async () => {
    const counts = await runHostileCampaign(150);
    process.stdout.write(formatCounts('hostile (small)', counts));
    expect(counts.problems).toEqual([]);
    expect(counts.converged).toBe(150);
    expect(counts.unmanagedOrProtectedTouched).toBe(0);
  });
});
