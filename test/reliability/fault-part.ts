/** One part of the fault campaign (500 applies under random faults, split over PARTS.fault files). */
import { describe, expect, it } from 'vitest';
import { formatCounts } from '../campaigns/lib/counts.js';
import { runFaultCampaign } from '../campaigns/lib/fault.js';
import { PARTS, runsOfPart, SIZES } from './campaigns.js';
import { expectClean } from '../campaigns/lib/expect-clean.js';

/** Registers the test of part `part`. */
export function faultPart(part: number): void {
  const runs = runsOfPart(SIZES.faultRuns, part, PARTS.fault);
  describe(`fault campaign, part ${part + 1} of ${PARTS.fault}`, () => {
    it(`${runs} faulty applies converge once the faults stop, with zero violations`, async () => {
      const counts = await runFaultCampaign(runs, 1000 + part * 10_000);
      process.stdout.write(formatCounts(`fault ${part + 1}/${PARTS.fault}`, counts));
      expectClean(counts, runs);
      expect(counts.exercised['incompleteReads'] ?? 0).toBeGreaterThan(0);
    });
  });
}
