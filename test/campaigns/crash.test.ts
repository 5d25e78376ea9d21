/**
 * The crash campaign, small: the example's apply killed with SIGKILL after its first and its last
 * mutating request, and at one random time; each rerun converges with no duplicate,
 * no unmanaged touch and no canary. (`npm run test:reliability` kills after every mutating
 * request and at 200 random times.)
 */
import { describe, it } from 'vitest';
import { formatCounts } from './lib/counts.js';
import { cleanApply, randomKillPoints, runCrashCampaign } from './lib/crash.js';
import { expectClean } from './lib/expect-clean.js';

describe('crash campaign (small)', () => {
  it('converges after SIGKILLs at chosen and random points', { timeout: 180_000 }, async () => {
    const clean = await cleanApply();
    const points = [
      { afterMutating: 1 },
      { afterMutating: clean.mutating },
      ...randomKillPoints(1, clean.wallMs, 7),
    ];
    const counts = await runCrashCampaign(points);
    process.stdout.write(formatCounts('crash (small)', counts));
    expectClean(counts, 3);
  });
});
