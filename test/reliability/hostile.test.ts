/** The hostile-input campaign: 10,000 generated and mutated YAML inputs. */
import { describe, expect, it } from 'vitest';
import { formatCounts } from '../campaigns/lib/counts.js';
import { runHostileCampaign } from '../campaigns/lib/hostile.js';
import { SIZES } from './campaigns.js';

describe('hostile-input campaign', () => {
  it(`${SIZES.hostileRuns} inputs: each valid or rejected with a located error, never a throw`, async () => {
    const counts = await runHostileCampaign(SIZES.hostileRuns, 77);
    process.stdout.write(formatCounts('hostile', counts));
    expect(counts.problems).toEqual([]);
    expect(counts.converged).toBe(SIZES.hostileRuns);
    expect(counts.unmanagedOrProtectedTouched).toBe(0);
    expect(counts.canariesSeen).toBe(0);
  });
});
