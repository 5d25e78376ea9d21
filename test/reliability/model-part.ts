/** One part of the model-based campaign (200 sequences of 30 commands, split over PARTS.model files). */
import { describe, expect, it } from 'vitest';
import { formatCounts } from '../campaigns/lib/counts.js';
import { runModelCampaign } from '../campaigns/lib/model.js';
import { PARTS, runsOfPart, SIZES } from './campaigns.js';

/** Registers the test of part `part`. */
export function modelPart(part: number): void {
  const runs = runsOfPart(SIZES.modelRuns, part, PARTS.model);
  describe(`model-based campaign, part ${part + 1} of ${PARTS.model}`, () => {
    it(`${runs} × ${SIZES.modelLength} commands keep every invariant and converge`, async () => {
      const counts = await runModelCampaign(runs, SIZES.modelLength, 9 + part * 100_000);
      process.stdout.write(formatCounts(`model ${part + 1}/${PARTS.model}`, counts));
      expect(counts.problems).toEqual([]);
      expect(counts).toMatchObject({
        runs,
        converged: runs,
        duplicates: 0,
        unmanagedOrProtectedTouched: 0,
        deletesAfterIncompleteObservation: 0,
        stalePlansApplied: 0,
        canariesSeen: 0,
      });
    });
  });
}
