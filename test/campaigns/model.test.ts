/**
 * The model-based campaign, small: a few fast-check sequences of edits, plans, saved-plan
 * applies, applies, out-of-band changes, faults and interrupted applies, through the CLI; every
 * invariant holds after every command and each sequence converges once the faults stop.
 * (`npm run test:reliability` runs 200 sequences of 30 commands.)
 */
import { describe, it } from 'vitest';
import { formatCounts } from './lib/counts.js';
import { runModelCampaign } from './lib/model.js';
import { expectClean } from './lib/expect-clean.js';

describe('model-based campaign (small)', () => {
  it('keeps every invariant and converges', { timeout: 180_000 }, async () => {
    const counts = await runModelCampaign(2, 10);
    process.stdout.write(formatCounts('model (small)', counts));
    expectClean(counts, 2);
  });
});
