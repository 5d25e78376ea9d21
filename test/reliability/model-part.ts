/** One part of the model-based campaign (200 sequences of 30 commands, split over PARTS.model files). */
import { describe, it } from 'vitest';
import { formatCounts, mergeCounts } from '../campaigns/lib/counts.js';
import { runModelCampaign } from '../campaigns/lib/model.js';
import { MODEL_LANES, PARTS, runsOfPart, SIZES } from './campaigns.js';
import { expectClean } from '../campaigns/lib/expect-clean.js';

/** Registers the test of part `part`. */
export function modelPart(part: number): void {
  const runs = runsOfPart(SIZES.modelRuns, part, PARTS.model);
  describe(`model-based campaign, part ${part + 1} of ${PARTS.model}`, () => {
    it(`${runs} × ${SIZES.modelLength} commands keep every invariant and converge`, async () => {
      // Each lane is its own seeded fast-check run; every sequence has its own emulator and files.
      const lanes = Array.from({ length: MODEL_LANES }, (_, lane) => runsOfPart(runs, lane, MODEL_LANES));
      const counts = mergeCounts(
        await Promise.all(
          lanes
            .filter((laneRuns) => laneRuns > 0)
            .map((laneRuns, lane) =>
              runModelCampaign(laneRuns, SIZES.modelLength, 9 + part * 100_000 + lane * 10_000),
            ),
        ),
      );
      process.stdout.write(formatCounts(`model ${part + 1}/${PARTS.model}`, counts));
      expectClean(counts, runs);
    });
  });
}
