/** The crash campaign: SIGKILL after each mutating request of the example's apply, and at 200 random times. */
import { describe, expect, it } from 'vitest';
import { formatCounts } from '../campaigns/lib/counts.js';
import { cleanApply, randomKillPoints, runCrashCampaign } from '../campaigns/lib/crash.js';
import { SIZES } from './campaigns.js';

describe('crash campaign', () => {
  it('converges after every SIGKILL, with zero violations', async () => {
    const clean = await cleanApply();
    const points = [
      ...Array.from({ length: clean.mutating }, (_, k) => ({ afterMutating: k + 1 })),
      ...randomKillPoints(SIZES.crashRandom, clean.wallMs, 2026),
    ];
    const counts = await runCrashCampaign(points, 5000);
    process.stdout.write(
      formatCounts(`crash (${clean.mutating} per-request kills + ${SIZES.crashRandom} random)`, counts),
    );
    expect(counts.problems).toEqual([]);
    expect(counts).toMatchObject({
      runs: points.length,
      converged: points.length,
      duplicates: 0,
      unmanagedOrProtectedTouched: 0,
      canariesSeen: 0,
    });
  });
});
