/**
 * The lower bound of a phase's wall time, which no tool could beat against the same emulator:
 * the largest of
 * - the rate bound: for every (account, operation), the calls made ÷ the scaled TPS it is metered
 *   at (the emulator's table: documented, or the stated default for undocumented operations);
 * - the critical path: the longest chain of steps that must happen one after another, each step
 *   costing the mean of the emulator's latency (latency.ts: 20 ± 5 ms uniform, so this bounds the
 *   expected wall, which is what a median of runs measures), plus the emulated durations of async
 *   lifecycles (deployments, associations) a step must wait for;
 * - for an apply, the operation path (operationPathBoundMs): an operation's calls cannot begin
 *   before its changes' prerequisites are done, nor can the apply end before the last of its
 *   calls has been followed by what that call's change must still wait for.
 * For a plan the chain is: caller/domain list → GetDomain → every page of the longest list, one
 * after another (a page's token comes from the previous page) → one read per listed item. For an
 * apply it is the longest path through the plan's dependency graph, one call per change plus the
 * async duration the change waits for.
 *
 * What "any tool" means: one that makes this run's calls (counts of the apply's own trace, minus
 * the throttled ones, which the emulator answers without using up its rate) and keeps to the
 * documented rates, as the tool must against AWS (which documents a rate, not a burst). The
 * emulator's buckets hold one second of tokens, so a tool spending that burst could finish up to
 * one second sooner per bucket; the bound deliberately does not credit a burst AWS never promised.
 */
import { identityKey } from '../src/model/identity.js';
import type { Change } from '../src/plan/types.js';
import { DOCUMENTED_TPS, UNDOCUMENTED_TPS } from '../src/aws/documented-tps.js';
import type { EmulatorBehaviour } from '../src/emulator/types.js';
import type { OperationCount } from './trace.js';

/** The scaled TPS the emulator meters an operation at (the same rule as its rate limiter). */
export function meteredTps(service: string, operation: string, mutating: boolean, scale: number): number {
  const tps =
    DOCUMENTED_TPS[`${service}.${operation}`] ??
    (mutating ? UNDOCUMENTED_TPS.mutating : UNDOCUMENTED_TPS.read);
  return tps * scale;
}

/** Calls of a row that used up the emulator's rate: throttled answers do not. */
function metered(c: OperationCount): number {
  return Math.max(0, c.count - c.throttled);
}

/** The rate bound in ms and the (account, operation) that sets it. */
export function rateBoundMs(counts: readonly OperationCount[], scale: number): { ms: number; by: string } {
  let best = { ms: 0, by: '' };
  for (const c of counts) {
    const ms = (metered(c) / meteredTps(c.service, c.operation, c.mutating, scale)) * 1000;
    if (ms > best.ms) best = { ms, by: `${c.service}.${c.operation}@${c.account}` };
  }
  return best;
}

/** Operations whose pages of one list are read one after another in a plan. */
const DOMAIN_LISTS = [
  'ListProjects',
  'ListAccountPools',
  'ListProjectProfiles',
  'ListDomainUnitsForParent',
  'ListEnvironmentBlueprintConfigurations',
];

/**
 * Critical path of a plan: the domain list; then, when a domain exists, GetDomain, the pages of
 * its longest list one after another and one read of a listed item.
 */
export function planCriticalPathMs(
  callsByOperation: Record<string, number>,
  latencyMs: number,
  domains = 1,
): number {
  if ((callsByOperation['datazone.GetDomain'] ?? 0) === 0) return latencyMs;
  const pages = Math.max(0, ...DOMAIN_LISTS.map((op) => (callsByOperation[`datazone.${op}`] ?? 0) / domains));
  return (3 + Math.ceil(pages)) * latencyMs;
}

/** The async wait a change must sit through, in ms of emulated time. */
function asyncWaitMs(
  change: Change,
  durations: EmulatorBehaviour['durations'],
  deploys: (c: Change) => boolean,
): number {
  const kind = change.address.kind;
  const create = change.action === 'create' || change.action === 'replace';
  const del = change.action === 'delete' || change.action === 'replace';
  let ms = 0;
  if (kind === 'Domain') ms += (create ? durations.domainCreate : 0) + (del ? durations.domainDelete : 0);
  if (kind === 'Project')
    ms += (create && deploys(change) ? durations.projectDeploy : 0) + (del ? durations.projectDelete : 0);
  if (kind === 'AccountAssociation' && create) ms += durations.ramAssociate;
  if (kind === 'StudioDomain')
    ms +=
      (create ? durations.studioCreate : 0) +
      (del ? durations.studioDelete : 0) +
      (change.action === 'update' ? durations.studioUpdate : 0);
  return ms;
}

/** Per actionable change: the earliest its first call can be sent, and the chain left after it. */
interface ChangeTimes {
  change: Change;
  /** Earliest send of the change's first call: when its last prerequisite can be done. */
  startMs: number;
  /** Earliest the change can be done: start + one call's latency + its async wait. */
  finishMs: number;
  /**
   * After its main call has been answered: its own async wait plus the longest chain of its
   * dependents (each a call's latency and its wait), which nothing can shorten.
   */
  restMs: number;
}

function changeTimes(
  changes: readonly Change[],
  latencyMs: number,
  durations: EmulatorBehaviour['durations'],
  deploys: (change: Change) => boolean,
): ChangeTimes[] {
  const actionable = changes.filter((c) => ['create', 'update', 'replace', 'delete'].includes(c.action));
  const byKey = new Map(actionable.map((c) => [identityKey(c.address), c]));
  const dependents = new Map<string, Change[]>();
  for (const c of actionable)
    for (const dep of c.dependsOn) {
      if (!byKey.has(dep)) continue;
      const list = dependents.get(dep) ?? [];
      list.push(c);
      dependents.set(dep, list);
    }
  // Both walks tolerate a cycle (the executor reports those) by cutting it.
  const finish = new Map<string, number>();
  const finishOf = (c: Change, stack: Set<string>): number => {
    const key = identityKey(c.address);
    const known = finish.get(key);
    if (known !== undefined) return known;
    if (stack.has(key)) return 0;
    stack.add(key);
    let start = 0;
    for (const dep of c.dependsOn) {
      const d = byKey.get(dep);
      if (d) start = Math.max(start, finishOf(d, stack));
    }
    stack.delete(key);
    const end = start + latencyMs + asyncWaitMs(c, durations, deploys);
    finish.set(key, end);
    return end;
  };
  const rest = new Map<string, number>();
  const restOf = (c: Change, stack: Set<string>): number => {
    const key = identityKey(c.address);
    const known = rest.get(key);
    if (known !== undefined) return known;
    if (stack.has(key)) return 0;
    stack.add(key);
    let after = 0;
    for (const e of dependents.get(key) ?? []) after = Math.max(after, latencyMs + restOf(e, stack));
    stack.delete(key);
    const value = asyncWaitMs(c, durations, deploys) + after;
    rest.set(key, value);
    return value;
  };
  return actionable.map((change) => {
    const finishMs = finishOf(change, new Set());
    const own = latencyMs + asyncWaitMs(change, durations, deploys);
    return { change, startMs: finishMs - own, finishMs, restMs: restOf(change, new Set()) };
  });
}

/** Critical path of an apply: the longest path through the actionable changes' dependencies. */
export function applyCriticalPathMs(
  changes: readonly Change[],
  latencyMs: number,
  durations: EmulatorBehaviour['durations'],
  deploys: (change: Change) => boolean,
): number {
  return Math.max(0, ...changeTimes(changes, latencyMs, durations, deploys).map((t) => t.finishMs));
}

/**
 * The operations whose every call is made by changes of one kind (and which are metered tightly
 * enough to matter): an operation's first call cannot come before the earliest such change may
 * start. Kept to operations no other kind's change calls, which is what makes the bound hold.
 */
export const OPERATION_KINDS: Readonly<Record<string, Change['address']['kind']>> = {
  'datazone.CreateProject': 'Project',
  'datazone.UpdateProject': 'Project',
  'datazone.DeleteProject': 'Project',
  'datazone.CreateProjectProfile': 'ProjectProfile',
  'datazone.UpdateProjectProfile': 'ProjectProfile',
  'datazone.CreateAccountPool': 'AccountPool',
  'datazone.CreateDomainUnit': 'DomainUnit',
  'datazone.PutEnvironmentBlueprintConfiguration': 'BlueprintConfiguration',
};

/** The operation path that sets the bound, with its terms (what a trace is compared against). */
export interface OperationPath {
  ms: number;
  /** `service.Operation@account`; empty when no operation of OPERATION_KINDS was called. */
  by: string;
  operation: string;
  /** Earliest answer of its first call (start + latency). */
  firstCallMs: number;
  /** Least time from its first to its last call. */
  spreadMs: number;
  /** Least time from its last call to the end of the apply. */
  tailMs: number;
}

/**
 * The operation path of an apply, in ms, and the (account, operation) that sets it. For an
 * operation O of OPERATION_KINDS with N metered calls in one account:
 *
 *   start(O) + latency + (N − 1) ÷ TPS + tail(O)
 *
 * - start(O): the earliest start of any change of O's kind (its prerequisites' critical path).
 *   Only changes of that kind call O, so no call of O can be sent sooner; and every request
 *   spends the emulator's latency before it reaches the rate limiter.
 * - (N − 1) ÷ TPS: at the documented rate N calls are at least that far apart, first to last.
 * - tail(O): the last call belongs to some change of that kind; after it is answered that change
 *   still has its async wait and its dependents' chain (ChangeTimes.restMs) before the apply can
 *   be done. The smallest over the kind's changes, whichever change a tool would call last.
 * Each term is a minimum over every possible order of the calls, so the sum is a lower bound of
 * any tool's apply that makes these calls; it is never below the plain rate bound of O by more
 * than one call's spacing, and above it by exactly what the prerequisites and the tail add.
 */
export function operationPathBoundMs(
  changes: readonly Change[],
  counts: readonly OperationCount[],
  latencyMs: number,
  durations: EmulatorBehaviour['durations'],
  deploys: (change: Change) => boolean,
  scale: number,
): OperationPath {
  const times = changeTimes(changes, latencyMs, durations, deploys);
  let best: OperationPath = { ms: 0, by: '', operation: '', firstCallMs: 0, spreadMs: 0, tailMs: 0 };
  for (const c of counts) {
    const kind = OPERATION_KINDS[`${c.service}.${c.operation}`];
    const n = metered(c);
    if (kind === undefined || n === 0) continue;
    const ofKind = times.filter((t) => t.change.address.kind === kind);
    if (ofKind.length === 0) continue;
    const start = Math.min(...ofKind.map((t) => t.startMs));
    const tail = Math.min(...ofKind.map((t) => t.restMs));
    const spread = ((n - 1) / meteredTps(c.service, c.operation, c.mutating, scale)) * 1000;
    const ms = start + latencyMs + spread + tail;
    if (ms > best.ms)
      best = {
        ms,
        by: `${c.service}.${c.operation}@${c.account}`,
        operation: `${c.service}.${c.operation}`,
        firstCallMs: start + latencyMs,
        spreadMs: spread,
        tailMs: tail,
      };
  }
  return best;
}
