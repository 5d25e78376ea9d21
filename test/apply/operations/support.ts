/**
 * What the operation tests share: an emulator (one per file reset before each test, or a fresh one
 * per test) with the pipeline bound to it, the manifests of a domain and an association, applying
 * a plan made earlier (the world changed in between), and the table-driven race tests every kind
 * must pass: adoption after the plan, commit-then-fail on the create, the delete of what is gone.
 */
import { ListDomainsCommand, type DataZoneClient } from '@aws-sdk/client-datazone';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import type { ChangeOutcome } from '../../../src/apply/executor.js';
import type { BehaviourPatch } from '../../../src/emulator/behaviour.js';
import type { EmulatorOptions } from '../../../src/emulator/server.js';
import type { ServiceName } from '../../../src/emulator/types.js';
import type { ManifestKind } from '../../../src/model/manifest.js';
import { resolveDesired } from '../../../src/plan/planner.js';
import {
  actionLines,
  applyManifests,
  expectAllDone,
  planManifests,
  type AppliedRun,
  type PlannedRun,
} from '../../helpers/apply.js';
import { startTestEmulator, timingFor, withEmulator, type TestEmulator } from '../../helpers/emulator.js';

/** Applies a plan made earlier (as applyManifests does after planning), then destroys its clients. */
export async function applyPlanned(planned: PlannedRun): Promise<ChangeOutcome[]> {
  const { desired, domainAccount } = resolveDesired(planned.loaded.documents, planned.observation);
  const outcomes = await applyPlan(planned.plan, {
    clients: planned.clients,
    desired,
    observation: planned.observation,
    domainAccount,
    // On the test emulator's clock (no real waiting, issue 18); real time, sleeps cut to 20 ms, otherwise.
    timing: timingFor(planned.endpoint) ?? {
      now: () => Date.now(),
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
    },
    random: Math.random,
    onEvent: () => undefined,
    log: () => undefined,
  });
  planned.clients.destroy();
  return outcomes;
}

/** The id of the resource `kind/name` as the plan's live read saw it. */
export function observedId(planned: PlannedRun, kind: ManifestKind, name: string): string | undefined {
  return planned.observation.resources.find((r) => r.address.kind === kind && r.address.name === name)?.id;
}

/** The emulator's home account (the tool's own). */
export const HOME = '111122223333';

/** Which domain `domainManifest` declares: its name (default corp) and a kind it prunes. */
export interface DomainManifestOptions {
  name?: string;
  prune?: ManifestKind;
}

/**
 * A V2 domain in us-east-1 owned by HOME, as the tests of its contents declare it (ending in a
 * newline, so more documents may follow).
 */
export function domainManifest(o: DomainManifestOptions = {}): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: ${o.name ?? 'corp'}
spec:
  region: us-east-1
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
${o.prune ? `  reconcile:\n    prune: [${o.prune}]\n` : ''}`;
}

/** Whether an association names the account's deployer role to act as (default true), or is a tombstone. */
export interface AssociationOptions {
  role?: boolean;
  absent?: boolean;
}

/** An AccountAssociation of `account` to the corp-data domain at the `access` level. */
export function associationManifest(
  account: string,
  access: 'portal' | 'api' = 'portal',
  options: AssociationOptions = {},
): string {
  const role =
    options.role === false ? '' : `\n  assumeRoleArn: arn:aws:iam::${account}:role/SmusGitOpsDeployer`;
  const lifecycle = options.absent ? 'lifecycle: { ensure: absent }\n' : '';
  return `---
apiVersion: smus-gitops/v1alpha1
kind: AccountAssociation
metadata:
  name: "${account}"
  domain: corp-data
${lifecycle}spec:
  access: ${access}${role}
`;
}

/** The pipeline against one emulator. */
export interface Harness {
  /** The emulator of the running test. */
  readonly emu: TestEmulator;
  /** load → read → plan → apply; fails the test unless every change is done. */
  applyOk(yaml: string): Promise<AppliedRun>;
  /** load → read → plan, for `applyPlanned` (which destroys the clients). */
  plan(yaml: string): Promise<PlannedRun>;
  /** The plan's actionable changes as `action Kind/name` lines. */
  planLines(yaml: string): Promise<string[]>;
  /** Fails the test unless a plan of `yaml` has no changes. */
  converged(yaml: string): Promise<void>;
}

/** A harness with a home-account DataZone client per test. */
export interface DataZoneHarness extends Harness {
  /** The running test's DataZone client (destroyed after the test). */
  readonly dz: DataZoneClient;
  /** The id of the (one) DataZone domain. */
  domainId(): Promise<string>;
}

function pipeline(emu: () => TestEmulator): Harness {
  const planLines = async (yaml: string) => {
    const run = await planManifests(yaml, emu().endpoint);
    run.clients.destroy();
    return actionLines(run.plan);
  };
  return {
    get emu() {
      return emu();
    },
    async applyOk(yaml) {
      const run = await applyManifests(yaml, emu().endpoint);
      expectAllDone(run);
      run.clients.destroy();
      return run;
    },
    plan: (yaml) => planManifests(yaml, emu().endpoint),
    planLines,
    async converged(yaml) {
      expect(await planLines(yaml)).toEqual([]);
    },
  };
}

/**
 * One emulator for the whole file, emptied before each test, with instant domain create and delete
 * (and any other `durations` given as 0 or more), so tests take milliseconds of emulated waiting.
 */
export function fastEmulator(durations: NonNullable<BehaviourPatch['durations']> = {}): DataZoneHarness {
  const emu = withEmulator({ behaviour: { durations: { domainCreate: 0, domainDelete: 0, ...durations } } });
  let dz: DataZoneClient | undefined;
  beforeEach(async () => {
    await emu.emulator.control.reset();
    emu.emulator.control.clearFaults();
    emu.emulator.control.resetStats();
    dz = emu.dataZone();
  });
  afterEach(() => dz?.destroy());
  const client = (): DataZoneClient => {
    if (!dz) throw new Error('fastEmulator: the DataZone client is only available inside tests');
    return dz;
  };
  const { applyOk, plan, planLines, converged } = pipeline(() => emu);
  return {
    emu,
    applyOk,
    plan,
    planLines,
    converged,
    get dz() {
      return client();
    },
    async domainId() {
      const [domain] = (await client().send(new ListDomainsCommand({}))).items ?? [];
      return domain?.id ?? '';
    },
  };
}

/** A fresh emulator for each test, for options (external accounts, page sizes) a reset would not restore. */
export function emulatorPerTest(options: EmulatorOptions): Harness {
  let current: TestEmulator | undefined;
  beforeEach(async () => {
    current = await startTestEmulator(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return pipeline(() => {
    if (!current) throw new Error('emulatorPerTest: the emulator is only available inside tests');
    return current;
  });
}

/** A resource created out of band between plan and apply. */
export interface AdoptionCase {
  /** The resource as the test name calls it ("a pool", "an association"). */
  what: string;
  /** Applied before planning (the resource's parents), if anything. */
  before?: string;
  /** The manifests planned and applied. */
  yaml: string;
  /** Creates the resource of the same name after the plan (which still says create). */
  createAfterPlan(planned: PlannedRun): Promise<void>;
  /** Proves there is one resource of the name and it was brought to the manifest. */
  check(): Promise<void>;
}

/** A test: the apply of a stale create finds the resource by name and adopts it, never creating a second. */
function itAdoptsAfterThePlan(h: Harness, c: AdoptionCase): void {
  test(`adopts ${c.what} created after the plan instead of creating a second one`, async () => {
    if (c.before !== undefined) await h.applyOk(c.before);
    const planned = await h.plan(c.yaml);
    await c.createAfterPlan(planned);
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    await c.check();
  });
}

/** A create (or put) that commits its change but answers 500 once. */
export interface CommitThenFailCase {
  /** The SDK operation that fails. */
  operation: string;
  /** Its service (default datazone): the fault names it and its counters are read under it. */
  service?: ServiceName;
  /** The test name, when "is adopted" does not describe the outcome (a put overwrites). */
  title?: string;
  /** Applied before the fault is armed (the resource's parents), if anything. */
  before?: string;
  /** The manifests applied with the fault armed. */
  yaml: string;
  /** The operation's exact answers by status; by default only the one 500 is checked. */
  byStatus?: Record<string, number>;
  /** Proves no duplicate was made. */
  check(): Promise<void>;
}

/** A test: the committed-but-failed call is recognised on retry, so apply converges without a duplicate. */
function itAdoptsAfterCommitThenFail(h: Harness, c: CommitThenFailCase): void {
  const service = c.service ?? 'datazone';
  const call = service === 'datazone' ? c.operation : `${service} ${c.operation}`;
  const title = c.title ?? `a ${call} that commits but answers 500 is adopted: no duplicate`;
  test(title, async () => {
    if (c.before !== undefined) await h.applyOk(c.before);
    h.emu.emulator.control.setFaults([{ operation: c.operation, service, commitThenFailPct: 100, count: 1 }]);
    await h.applyOk(c.yaml);
    const byStatus = h.emu.emulator.control.stats().operations[`${service}.${c.operation}`]?.byStatus;
    if (c.byStatus) expect(byStatus).toEqual(c.byStatus);
    else expect(byStatus?.['500']).toBe(1);
    await c.check();
    await h.converged(c.yaml);
  });
}

/** A resource deleted out of band between plan and apply. */
export interface AlreadyGoneCase {
  /** The resource as the test name calls it. */
  what: string;
  /** Applied first, so the resource exists. */
  before: string;
  /** The manifests that delete it (a tombstone). */
  tombstone: string;
  /** Deletes the resource after the plan saw it. */
  deleteAfterPlan(planned: PlannedRun): Promise<void>;
  /** Anything more the delete must have left behind. */
  check?(): Promise<void>;
}

/** A test: a delete whose resource is already gone counts as done. */
function itDeletesWhatIsAlreadyGone(h: Harness, c: AlreadyGoneCase): void {
  test(`deleting ${c.what} that is already gone succeeds`, async () => {
    await h.applyOk(c.before);
    const planned = await h.plan(c.tombstone);
    await c.deleteAfterPlan(planned);
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => `${o.status} ${o.change.action}`)).toEqual(['done delete']);
    await c.check?.();
  });
}

/** The race cases of one kind; each one given becomes a test. */
export interface RaceCases {
  adoption?: AdoptionCase;
  commitThenFail?: CommitThenFailCase;
  alreadyGone?: AlreadyGoneCase;
}

/**
 * The tests every kind must pass when the world changes under apply: a resource created between
 * plan and apply is adopted, a create that commits but answers 500 leaves no duplicate, and a
 * delete whose resource is already gone counts as done.
 */
export function itSurvivesRaces(h: Harness, cases: RaceCases): void {
  if (cases.adoption) itAdoptsAfterThePlan(h, cases.adoption);
  if (cases.commitThenFail) itAdoptsAfterCommitThenFail(h, cases.commitThenFail);
  if (cases.alreadyGone) itDeletesWhatIsAlreadyGone(h, cases.alreadyGone);
}
