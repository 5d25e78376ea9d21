/**
 * The lower bound of a phase's wall time, which no tool could beat against the same emulator:
 * the larger of
 * - the rate bound: for every (account, operation), the calls made ÷ the scaled TPS it is metered
 *   at (the emulator's table: documented, or the stated default for undocumented operations);
 * - the critical path: the longest chain of steps that must happen one after another, each step
 *   costing at least the emulator's fixed latency, plus the emulated durations of async lifecycles
 *   (deployments, associations) a step must wait for.
 * For a plan the chain is: caller/domain list → GetDomain → every page of the longest list, one
 * after another (a page's token comes from the previous page) → one read per listed item. For an
 * apply it is the longest path through the plan's dependency graph, one call per change plus the
 * async duration the change waits for.
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

/** The rate bound in ms and the (account, operation) that sets it. */
export function rateBoundMs(counts: readonly OperationCount[], scale: number): { ms: number; by: string } {
  let best = { ms: 0, by: '' };
  for (const c of counts) {
    const ms = (c.count / meteredTps(c.service, c.operation, c.mutating, scale)) * 1000;
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

/** Critical path of an apply: the longest path through the actionable changes' dependencies. */
export function applyCriticalPathMs(
  changes: readonly Change[],
  latencyMs: number,
  durations: EmulatorBehaviour['durations'],
  deploys: (change: Change) => boolean,
): number {
  const actionable = changes.filter((c) => ['create', 'update', 'replace', 'delete'].includes(c.action));
  const byKey = new Map(actionable.map((c) => [identityKey(c.address), c]));
  const memo = new Map<string, number>();
  const finish = (c: Change, stack: Set<string>): number => {
    const key = identityKey(c.address);
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (stack.has(key)) return 0;
    stack.add(key);
    let start = 0;
    for (const dep of c.dependsOn) {
      const d = byKey.get(dep);
      if (d) start = Math.max(start, finish(d, stack));
    }
    stack.delete(key);
    const end = start + latencyMs + asyncWaitMs(c, durations, deploys);
    memo.set(key, end);
    return end;
  };
  return Math.max(0, ...actionable.map((c) => finish(c, new Set())));
}
