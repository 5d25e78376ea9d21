/**
 * The tool's pipeline as the benchmark and the campaigns drive it, without the CLI and without
 * vitest: manifests (YAML text) → load and validate → read live state → plan → apply. The same
 * src/ modules the commands use, so what is measured is the tool's own work.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan } from '../src/apply/apply-plan.js';
import type { ChangeOutcome, ExecutorEvent } from '../src/apply/executor.js';
import { ClientFactory } from '../src/aws/clients.js';
import type { Timing } from '../src/aws/rate-budget.js';
import { hasErrors } from '../src/diagnostics/diagnostic.js';
import { readLive } from '../src/live/read-live.js';
import type { Observation } from '../src/live/types.js';
import { loadManifests, type LoadResult } from '../src/validate/load-manifests.js';
import { buildPlan, resolveDesired } from '../src/plan/planner.js';
import { readScope } from '../src/plan/scope.js';
import type { Plan } from '../src/plan/types.js';
import { formatDiagnosticText } from '../src/render/diagnostics.js';

/** Static credentials of the emulator's home account (any key STS did not issue). */
export const BENCH_CREDENTIALS = { accessKeyId: 'AKIAEMULATORBENCH001', secretAccessKey: 'emulator-secret' };

/** sha256 hex of a text (the plan fingerprint's digest). */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes YAML text into a fresh temporary folder and returns the folder. */
export function writeManifests(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'smus-bench-'));
  writeFileSync(join(dir, 'manifests.yaml'), yaml);
  return dir;
}

/** Loads manifests from paths; throws with the diagnostics when they do not validate. */
export async function loadOrThrow(paths: string[]): Promise<LoadResult> {
  const loaded = await loadManifests(paths, process.cwd());
  if (hasErrors(loaded.diagnostics)) {
    const text = loaded.diagnostics.slice(0, 20).map(formatDiagnosticText).join('\n');
    throw new Error(`manifests do not validate:\n${text}`);
  }
  return loaded;
}

/** The tool's clients against an endpoint (SDK retries as the CLI has them unless told otherwise). */
export function benchClients(
  endpoint: string,
  options: { maxAttempts?: number; requestTimeoutMs?: number; secretAccessKey?: string } = {},
): ClientFactory {
  return new ClientFactory({
    endpoint,
    credentials: {
      ...BENCH_CREDENTIALS,
      ...(options.secretAccessKey ? { secretAccessKey: options.secretAccessKey } : {}),
    },
    maxAttempts: options.maxAttempts ?? 3,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
  });
}

/** A plan and what it was made from. */
export interface Planned {
  observation: Observation;
  plan: Plan;
  /** Wall time of the live read and of the diff and plan after it, in ms. */
  timings: { readMs: number; planMs: number };
}

/**
 * Reads live state and plans (the plan command's work after loading). `rateScale` scales the
 * read's rate budgets as the emulator's limits are scaled (Infinity: an emulator without limits).
 * `timing`, when given, is the read's clock and sleep (tests pass the emulator's clock so that
 * pacing and backoff cost no real time, issue 18); real time otherwise.
 */
export async function planLoaded(
  loaded: LoadResult,
  clients: ClientFactory,
  readConcurrency?: number,
  rateScale?: number,
  timing?: Timing,
): Promise<Planned> {
  const scoping = performance.now();
  const scope = readScope(loaded.documents);
  const began = performance.now();
  const observation = await readLive(scope, {
    clients,
    ...(readConcurrency ? { concurrency: readConcurrency } : {}),
    ...(rateScale ? { rateScale } : {}),
    ...(timing ? { timing } : {}),
  });
  const read = performance.now();
  const plan = buildPlan({
    documents: loaded.documents,
    observation,
    deferred: loaded.deferred,
    digest: sha256,
  });
  // Working out what to read is the tool's own work, as the diff and plan are: not the read's.
  const planMs = began - scoping + (performance.now() - read);
  return { observation, plan, timings: { readMs: read - began, planMs } };
}

/** How apply runs. */
export interface ApplyOptions {
  concurrency?: number;
  maxRetries?: number;
  rateScale?: number;
  /** Caps every sleep (waits and backoff) for fast tests; real time otherwise. */
  maxSleepMs?: number;
  /**
   * The apply's clock and sleep (tests pass the emulator's clock: waits and backoff then cost no
   * real time, issue 18); when given, `maxSleepMs` does not apply.
   */
  timing?: Timing;
  deadlineMs?: number;
  random?: () => number;
  log?: (event: Record<string, unknown>, message: string) => void;
  onEvent?: (event: ExecutorEvent) => void;
}

/** Applies a plan as the CLI does: nothing after an incomplete read; every actionable change. */
export async function applyPlanned(
  loaded: LoadResult,
  planned: Planned,
  clients: ClientFactory,
  options: ApplyOptions = {},
): Promise<ChangeOutcome[]> {
  if (!planned.observation.complete) return [];
  const { desired, domainAccount } = resolveDesired(loaded.documents, planned.observation);
  const cap = options.maxSleepMs;
  return applyPlan(planned.plan, {
    clients,
    desired,
    observation: planned.observation,
    domainAccount,
    timing: options.timing ?? {
      now: () => Date.now(),
      sleep: (ms) => new Promise((r) => setTimeout(r, cap === undefined ? ms : Math.min(ms, cap))),
    },
    random: options.random ?? Math.random,
    // The tool's own default unless told (the CLI's --concurrency).
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    maxRetries: options.maxRetries ?? 8,
    ...(options.rateScale ? { rateScale: options.rateScale } : {}),
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
    onEvent: options.onEvent ?? (() => undefined),
    log: options.log ?? (() => undefined),
  });
}

/** The plan's actionable changes as `action Kind/name` lines. */
export function actionLines(plan: Plan): string[] {
  return plan.changes
    .filter((c) => c.action !== 'noop' && c.action !== 'unmanaged')
    .map(
      (c) =>
        `${c.action} ${c.address.kind}/${c.address.name}${c.address.account ? `@${c.address.account}` : ''}`,
    );
}
