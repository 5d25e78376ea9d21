/**
 * Fault convergence (apply acceptance 2 and 3): with throttling, server errors and dropped
 * connections injected on every operation, repeated applies of generated organisations converge;
 * afterwards a plan is all noop and no natural key exists twice. Commit-then-fail on the creates
 * without idempotency tokens never duplicates.
 */
import { describe, expect, it } from 'vitest';
import { actionLines, applyManifests, planManifests } from '../helpers/apply.js';
import { INSTANT_DURATIONS, startTestEmulator } from '../helpers/emulator.js';
import { generateOrg } from '../helpers/generate.js';
import { duplicateNaturalKeys } from '../helpers/world.js';

const FAST = {
  durations: INSTANT_DURATIONS,
};
const SIZE = { units: 2, pools: 2, accountsPerPool: 2, profiles: 2, projects: 3, membersPerProject: 2 };
// 50 in the acceptance run (SMUS_FAULT_RUNS=50); 10 keep the default suite within CI's budget.
const RUNS = Number(process.env.SMUS_FAULT_RUNS ?? 10);

describe('apply under injected faults', () => {
  it(
    `converges in ${RUNS} generated organisations with 20% throttling, 5% 500s and 2% resets`,
    { timeout: 900_000 },
    async () => {
      const report: string[] = [];
      for (let seed = 1; seed <= RUNS; seed++) {
        const emu = await startTestEmulator({ seed, behaviour: FAST });
        try {
          const yaml = generateOrg(seed, SIZE);
          emu.emulator.control.setFaults([{ operation: '*', throttlePct: 20, error500Pct: 5, resetPct: 2 }]);
          let converged = false;
          for (let attempt = 1; attempt <= 8 && !converged; attempt++) {
            // "Retry until the faults stop": the last attempts run without faults.
            if (attempt === 6) emu.emulator.control.clearFaults();
            const run = await applyManifests(yaml, emu.endpoint, { maxRetries: 8 });
            converged = run.observation.complete && run.outcomes.every((o) => o.status === 'done');
          }
          emu.emulator.control.clearFaults();
          emu.emulator.control.resetStats();
          const after = await planManifests(yaml, emu.endpoint);
          const dups = duplicateNaturalKeys(emu.emulator.world);
          if (
            !converged ||
            actionLines(after.plan).length > 0 ||
            dups.length > 0 ||
            emu.emulator.control.stats().mutating > 0
          ) {
            report.push(
              `seed ${seed}: converged=${converged} left=${actionLines(after.plan).join('; ')} dups=${dups.join(',')}`,
            );
          }
        } finally {
          await emu.close();
        }
      }
      expect(report).toEqual([]);
    },
  );

  it.each(['CreateProject', 'CreateProjectProfile', 'CreateAccountPool', 'CreateProjectMembership'])(
    'commit-then-fail on %s makes no duplicate',
    async (operation) => {
      const emu = await startTestEmulator({ behaviour: FAST });
      try {
        const yaml = generateOrg(3, SIZE);
        emu.emulator.control.setFaults([{ operation, commitThenFailPct: 100, count: 2 }]);
        const first = await applyManifests(yaml, emu.endpoint, { maxRetries: 8 });
        if (!first.outcomes.every((o) => o.status === 'done')) await applyManifests(yaml, emu.endpoint);
        expect(duplicateNaturalKeys(emu.emulator.world)).toEqual([]);
        expect(actionLines((await planManifests(yaml, emu.endpoint)).plan)).toEqual([]);
      } finally {
        await emu.close();
      }
    },
  );
});
