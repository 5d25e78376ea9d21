/**
 * The fault campaign: applies of generated organisations while the emulator injects random
 * throttling, server errors, connection resets, hangs (longer than the client's timeout) and
 * commit-then-fail; after three faulty attempts the faults stop and the applies must converge.
 * Each run counts duplicates, touches of a planted unmanaged domain, plans with deletes after an
 * incomplete read, and the canary secret (the tool's secret key) in any log, error or plan.
 * Every other run starts from an applied organisation with one more account pool, which the
 * manifests then drop (a prune candidate) while ListAccountPools keeps failing past the read's
 * retries: the read is incomplete, and a delete planned then would be on a guess.
 */
import { INSTANT_DURATIONS } from '../../../src/emulator/behaviour.js';
import type { FaultSpec } from '../../../src/emulator/server.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/server.js';
import { generateBenchOrg, type BenchOrgSize } from '../../../bench/org.js';
import {
  actionLines,
  applyPlanned,
  BENCH_CREDENTIALS,
  benchClients,
  loadOrThrow,
  planLoaded,
  writeManifests,
} from '../../../bench/pipeline.js';
import type { Timing } from '../../../src/aws/rate-budget.js';
import { emulatorTiming } from '../../helpers/emulator.js';
import { prng } from '../../helpers/generate.js';
import { duplicateNaturalKeys } from '../../helpers/world.js';
import { GRANT_FAULT_OPERATIONS, grantDocuments, missingGrants } from './grants.js';
import { canary, emptyCounts, exercised, problem, type CampaignCounts } from './counts.js';
import { plantUnmanagedDomain } from './unmanaged.js';

/** Emulator behaviour without async durations (the waits are not what this campaign tests). */
export const FAST_BEHAVIOUR = {
  durations: INSTANT_DURATIONS,
};

/** A small organisation: every kind, a few of each. */
export const SMALL_ORG: BenchOrgSize = {
  units: 2,
  associations: 2,
  pools: 2,
  accountsPerPool: 2,
  profiles: 2,
  projects: 3,
  membersPerProject: 2,
};

const OPERATIONS = [
  ...GRANT_FAULT_OPERATIONS,
  'CreateProject',
  'CreateProjectProfile',
  'CreateAccountPool',
  'CreateProjectMembership',
  'CreateDomainUnit',
  'CreateDomain',
  'GetDomain',
  'ListProjects',
  'AssociateResourceShare',
  'CreateResourceShare',
  'PutEnvironmentBlueprintConfiguration',
  'GetProject',
];

/**
 * The client's per-request timeout, and a hang longer than it: the hung request times out on the
 * client, then commits on the server. Both are short because only their order matters here.
 */
const REQUEST_TIMEOUT_MS = 500;
const HANG_MS = 600;

/**
 * The documented TPS budgets, scaled up: the campaign's emulator has no rate limits, so pacing
 * the calls at AWS's rates would only add real waiting. The budgets' adaptive part (halving on a
 * throttle, recovering on success) still runs against the injected throttling.
 */
const RATE_SCALE = 1_000;

/** Random fault rules of one run. */
export function randomFaults(random: () => number): FaultSpec[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return [
    {
      operation: '*',
      throttlePct: Math.round(random() * 25),
      error500Pct: Math.round(random() * 8),
      resetPct: Math.round(random() * 4),
    },
    { operation: pick(OPERATIONS), commitThenFailPct: 100, count: 1 + Math.floor(random() * 2) },
    { operation: pick(OPERATIONS), hangMs: HANG_MS, count: 1 },
  ];
}

/**
 * Watches for the injected hang to be drawn (its rule's count used up) while faults are armed,
 * so that a run can wait for the hung request to land (HANG_MS after it began, and it began
 * before the first request event that sees the rule used up) instead of always sleeping.
 */
function watchHang(emulator: RunningEmulator): { disarm(): void; landed(): Promise<void> } {
  let armed = true;
  let begunBy: number | undefined;
  const pending = () => emulator.control.faults().some((f) => f.hangMs && (f.count ?? 1) > 0);
  const off = emulator.control.on('request', () => {
    if (armed && begunBy === undefined && !pending()) begunBy = Date.now();
  });
  return {
    disarm() {
      if (armed && begunBy === undefined && !pending()) begunBy = Date.now();
      armed = false;
      off();
    },
    async landed() {
      // A margin for the handler itself and for a busy event loop.
      const wait = begunBy === undefined ? 0 : begunBy + HANG_MS + 100 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}

/**
 * Applies the organisation plus one more pool (a copy of its first, named doomed-pool), without
 * faults, so that the run's manifests (without it) make it a prune candidate.
 */
async function applyWithDoomedPool(
  yaml: string,
  clients: ReturnType<typeof benchClients>,
  counts: CampaignCounts,
  seed: number,
  timing: Timing,
): Promise<void> {
  const pool = yaml.split('---\n').find((d) => d.includes('kind: AccountPool'))!;
  const doomed = pool.replace(/name: "pool-0"/, 'name: "doomed-pool"');
  const loaded = await loadOrThrow([writeManifests(`${yaml}---\n${doomed}`)]);
  const planned = await planLoaded(loaded, clients, undefined, undefined, timing);
  const outcomes = await applyPlanned(loaded, planned, clients, { timing, rateScale: RATE_SCALE });
  if (outcomes.some((o) => o.status !== 'done'))
    problem(counts, `seed ${seed}: the fault-free set-up failed`);
}

/** Runs `runs` fault runs starting at `firstSeed`. */
export async function runFaultCampaign(runs: number, firstSeed = 1): Promise<CampaignCounts> {
  const counts = emptyCounts();
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    counts.runs += 1;
    const secret = canary(seed);
    const random = prng(seed * 7919);
    const emulator = await startEmulator({
      port: 0,
      seed,
      behaviour: { ...FAST_BEHAVIOUR, defaultPageSize: 25 },
    });
    // The tool's waits (pacing, backoff, polls) on the emulator's clock: they cost no real time
    // (issue 18; 38 s of 20 ms sleeps per small campaign before). The client's request timeout and
    // the injected hang stay in real time: their order is what the campaign tests.
    const timing = emulatorTiming(emulator);
    const output: string[] = [];
    const clients = benchClients(emulator.endpoint, {
      maxAttempts: 1,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      secretAccessKey: secret,
    });
    try {
      const planted = await plantUnmanagedDomain(emulator, { ...BENCH_CREDENTIALS, secretAccessKey: secret });
      const yaml =
        generateBenchOrg(seed, SMALL_ORG, `fault-${seed}`, seed % 50) + grantDocuments(`fault-${seed}`);
      const pruneUnderFaults = seed % 2 === 0;
      if (pruneUnderFaults) await applyWithDoomedPool(yaml, clients, counts, seed, timing);
      const loaded = await loadOrThrow([writeManifests(yaml)]);
      emulator.control.setFaults([
        ...randomFaults(random),
        // Enough failures to outlast the read's retries for the faulty attempts.
        ...(pruneUnderFaults ? [{ operation: 'ListAccountPools', error500Pct: 100, count: 60 }] : []),
      ]);
      const hang = watchHang(emulator);
      let converged = false;
      for (let attempt = 1; attempt <= 7 && !converged; attempt++) {
        if (attempt === 4) {
          hang.disarm();
          emulator.control.clearFaults();
        }
        const planned = await planLoaded(loaded, clients, undefined, undefined, timing);
        output.push(JSON.stringify(planned.plan), JSON.stringify(planned.observation.failures));
        if (!planned.observation.complete) exercised(counts, 'incompleteReads');
        if (!planned.observation.complete && planned.plan.changes.some((c) => c.action === 'delete')) {
          counts.deletesAfterIncompleteObservation += 1;
          problem(counts, `seed ${seed}: a delete was planned after an incomplete read`);
        }
        const outcomes = await applyPlanned(loaded, planned, clients, {
          timing,
          rateScale: RATE_SCALE,
          random,
          log: (event, message) => output.push(message, JSON.stringify(event)),
        });
        if (outcomes.some((o) => o.status !== 'done')) exercised(counts, 'failedApplies');
        for (const o of outcomes) if (o.error) output.push(String(o.error), (o.error as Error)?.stack ?? '');
        converged = planned.observation.complete && outcomes.every((o) => o.status === 'done');
      }
      hang.disarm();
      emulator.control.clearFaults();
      // The hung request commits after its client gave up; let it land before counting calls.
      await hang.landed();
      emulator.control.resetStats();
      const after = await planLoaded(loaded, clients, undefined, undefined, timing);
      const left = actionLines(after.plan);
      if (converged && left.length === 0 && emulator.control.stats().mutating === 0) counts.converged += 1;
      else problem(counts, `seed ${seed}: not converged (${left.slice(0, 3).join('; ')})`);
      const dups = duplicateNaturalKeys(emulator.world);
      if (dups.length > 0) {
        counts.duplicates += dups.length;
        problem(counts, `seed ${seed}: duplicates ${dups.join(', ')}`);
      }
      const missing = missingGrants(emulator.world, yaml);
      if (missing.length > 0) {
        counts.missingGrants += missing.length;
        problem(counts, `seed ${seed}: grants missing ${missing.join(', ')}`);
      }
      if (!planted.untouched()) {
        counts.unmanagedOrProtectedTouched += 1;
        problem(counts, `seed ${seed}: the unmanaged domain was touched`);
      }
      if (output.some((text) => text.includes(secret))) {
        counts.canariesSeen += 1;
        problem(counts, `seed ${seed}: the canary secret appeared in output`);
      }
    } finally {
      clients.destroy();
      await emulator.close();
    }
  }
  return counts;
}
