/**
 * One part of the crash campaign: SIGKILL after each mutating request of the example's apply, and
 * at 200 random times, the kill points dealt out over PARTS.crash files.
 */
import { describe, it } from 'vitest';
import { formatCounts } from '../campaigns/lib/counts.js';
import { cleanApply, randomKillPoints, runCrashCampaign } from '../campaigns/lib/crash.js';
import { PARTS, SIZES } from './campaigns.js';
import { expectClean } from '../campaigns/lib/expect-clean.js';

/** Registers the test of part `part`. */
export function crashPart(part: number): void {
  describe(`crash campaign, part ${part + 1} of ${PARTS.crash}`, () => {
    it('converges after every SIGKILL, with zero violations', async () => {
      const clean = await cleanApply();
      const all = [
        ...Array.from({ length: clean.mutating }, (_, k) => ({ afterMutating: k + 1 })),
        ...randomKillPoints(SIZES.crashRandom, clean.wallMs, 2026),
      ];
      // Every PARTS.crash-th point, so each part gets early, late and random kills alike.
      const points = all.filter((_, i) => i % PARTS.crash === part);
      const counts = await runCrashCampaign(points, 5000 + part * 10_000);
      process.stdout.write(
        formatCounts(
          `crash ${part + 1}/${PARTS.crash} (of ${clean.mutating} per-request kills + ${SIZES.crashRandom} random)`,
          counts,
        ),
      );
      expectClean(counts, points.length);
    });
  });
}
