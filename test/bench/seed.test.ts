/**
 * The benchmark's direct seeding (bench/seed.ts) makes the world apply would have made: two small
 * generated domains, seeded into one emulator and applied in full into another, read back alike
 * (every live resource's normal value, by name) and both plan "No changes".
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/live/types.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { generateBenchOrg, type BenchOrgSize } from '../../bench/org.js';
import { applyPlanned, benchClients, loadOrThrow, planLoaded, writeManifests } from '../../bench/pipeline.js';
import { seedWorld } from '../../bench/seed.js';
import { INSTANT_DURATIONS, startTestEmulator } from '../helpers/emulator.js';

const SMALL: BenchOrgSize = {
  units: 3,
  associations: 4,
  pools: 3,
  accountsPerPool: 3,
  profiles: 3,
  projects: 12,
  membersPerProject: 3,
};
const APPLY = { concurrency: 16, maxSleepMs: 10, rateScale: 1000 };

/** Live resources by key with their normal values: what a plan compares, ids left out. */
function liveByName(observation: Observation): [string, unknown][] {
  return observation.resources
    .map((r) => [r.key, r.normal] as [string, unknown])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

async function world(seeded: boolean) {
  const yaml = [0, 1].map((d) => generateBenchOrg(7 + d, SMALL, `bench-${d}`, d)).join('---\n');
  const loaded = await loadOrThrow([writeManifests(yaml)]);
  const emu = await startTestEmulator({ behaviour: { durations: INSTANT_DURATIONS, defaultPageSize: 50 } });
  const clients = benchClients(emu.endpoint);
  try {
    if (seeded) {
      const control = emu.emulator.control;
      const result = await seedWorld(
        loaded,
        clients,
        async (calls) => {
          const out = [];
          for (const c of calls)
            out.push({
              output: await control.invoke(c.service, c.operation, c.input, c.region, c.accessKeyId),
            });
          return out;
        },
        APPLY,
      );
      expect(result.projects).toBe(2 * SMALL.projects);
      expect(result.apiFailed).toBe(0);
    } else {
      const cold = await planLoaded(loaded, clients, 16, Infinity);
      const outcomes = await applyPlanned(loaded, cold, clients, APPLY);
      expect(outcomes.filter((o) => o.status !== 'done')).toEqual([]);
    }
    const { plan, observation } = await planLoaded(loaded, clients, 16, Infinity);
    expect(observation.complete).toBe(true);
    return { text: renderPlanText(plan, { color: false }), live: liveByName(observation) };
  } finally {
    clients.destroy();
    await emu.close();
  }
}

describe('bench seeding', () => {
  it('seeds exactly what apply makes: the same live values and the same no-change plan', async () => {
    const seeded = await world(true);
    const applied = await world(false);
    expect(applied.text.split('\n')[0]).toContain('No changes');
    expect(seeded.text).toBe(applied.text);
    expect(seeded.live.filter(([k]) => k.startsWith('Project')).length).toBeGreaterThanOrEqual(
      2 * SMALL.projects,
    );
    expect(seeded.live).toEqual(applied.live);
  });
});
