/**
 * The pipeline as tests drive it, without the CLI: load manifests (YAML text or paths) → read live
 * state from a test emulator → plan → (apply). Uses the same modules as the commands.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientFactory } from '../../src/aws/clients.js';
import { applyPlan } from '../../src/apply/apply-plan.js';
import type { ChangeOutcome, ExecutorEvent } from '../../src/apply/executor.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { readLive } from '../../src/live/read-live.js';
import type { Observation } from '../../src/live/types.js';
import { loadManifests, type LoadResult } from '../../src/validate/load-manifests.js';
import { buildPlan, resolveDesired } from '../../src/plan/planner.js';
import { readScope } from '../../src/plan/scope.js';
import type { Plan } from '../../src/plan/types.js';
import { formatDiagnosticText } from '../../src/render/diagnostics.js';
import type { Timing } from '../../src/aws/rate-budget.js';
import { HOME_CREDENTIALS, timingFor } from './emulator.js';
import { virtualTiming } from './virtual-time.js';

/** Manifests as YAML text (one string: one file) or as paths on disk. */
export type ManifestInput = string | { paths: string[] };

/** A planning run's results. */
export interface PlannedRun {
  loaded: LoadResult;
  observation: Observation;
  plan: Plan;
  clients: ClientFactory;
  /** The endpoint read (an apply of this plan finds the emulator's clock by it: timingFor). */
  endpoint: string;
}

/** The outcome of apply. */
export interface AppliedRun extends PlannedRun {
  outcomes: ChangeOutcome[];
  events: ExecutorEvent[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Loads manifests, failing the test with the diagnostics when they do not validate. */
export async function loadForTest(input: ManifestInput): Promise<LoadResult> {
  let paths: string[];
  if (typeof input === 'string') {
    const dir = mkdtempSync(join(tmpdir(), 'smus-manifests-'));
    writeFileSync(join(dir, 'manifests.yaml'), input);
    paths = [dir];
  } else paths = input.paths;
  const loaded = await loadManifests(paths, process.cwd());
  if (hasErrors(loaded.diagnostics)) {
    throw new Error(`manifests do not validate:\n${loaded.diagnostics.map(formatDiagnosticText).join('\n')}`);
  }
  return loaded;
}

/** Client factory for the tool against an emulator endpoint. */
export function toolClients(endpoint: string, maxAttempts = 1): ClientFactory {
  return new ClientFactory({
    endpoint,
    credentials: { ...HOME_CREDENTIALS },
    maxAttempts,
    requestTimeoutMs: 10_000,
  });
}

/**
 * load → read live → plan. The caller destroys `clients` (or lets the process end). The read's
 * pacing and retry backoff run on a virtual clock unless `timing` is given: the test emulator has
 * no rate limits, so pacing at AWS's rates only waited, and a read retrying injected faults spent
 * seconds of real backoff per call (issue 18); the read itself waits on nothing else.
 */
export async function planManifests(
  input: ManifestInput,
  endpoint: string,
  options: { clients?: ClientFactory; timing?: Timing } = {},
): Promise<PlannedRun> {
  const loaded = await loadForTest(input);
  const clients = options.clients ?? toolClients(endpoint);
  const observation = await readLive(readScope(loaded.documents), {
    clients,
    timing: options.timing ?? virtualTiming(),
  });
  const plan = buildPlan({
    documents: loaded.documents,
    observation,
    deferred: loaded.deferred,
    digest: sha256,
  });
  return { loaded, observation, plan, clients, endpoint };
}

/** load → read live → plan → apply (every actionable change, replaces included). */
export async function applyManifests(
  input: ManifestInput,
  endpoint: string,
  options: { clients?: ClientFactory; concurrency?: number; maxRetries?: number } = {},
): Promise<AppliedRun> {
  const planned = await planManifests(input, endpoint, options);
  // As the CLI does: nothing is applied after an incomplete read (a resource not seen is not missing).
  if (!planned.observation.complete) return { ...planned, outcomes: [], events: [] };
  const { desired, domainAccount } = resolveDesired(planned.loaded.documents, planned.observation);
  const events: ExecutorEvent[] = [];
  const outcomes = await applyPlan(planned.plan, {
    clients: planned.clients,
    desired,
    observation: planned.observation,
    domainAccount,
    // The emulator's clock when the endpoint is a test emulator's: pacing at AWS's rates, backoff and
    // lifecycle polls then cost no real time (issue 18). Otherwise real time, sleeps cut to 50 ms.
    timing: timingFor(endpoint) ?? {
      now: () => Date.now(),
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    },
    random: Math.random,
    concurrency: options.concurrency ?? 16,
    maxRetries: options.maxRetries ?? 8,
    onEvent: (e) => events.push(e),
    log: () => undefined,
  });
  return { ...planned, outcomes, events };
}

/** Throws with the failures when any change did not complete. */
export function expectAllDone(run: AppliedRun): void {
  const bad = run.outcomes.filter((o) => o.status !== 'done');
  if (bad.length > 0) {
    const lines = bad.map(
      (o) =>
        `${o.status} ${o.change.action} ${o.change.address.kind}/${o.change.address.name}: ${String((o.error as Error)?.message ?? '')}`,
    );
    throw new Error(`apply incomplete:\n${lines.join('\n')}`);
  }
}

/** The plan's actionable changes as `action Kind/name` lines (for readable assertions). */
export { actionLines } from '../../bench/pipeline.js';
