/**
 * Carries out a plan: builds the operation context (ids from the live observation, roles from the
 * AccountAssociation manifests, rate budgets at the documented TPS) and runs each change's
 * operation through the executor. Returns every change's outcome.
 */
import type { ClientFactory } from '../aws/clients.js';
import { tpsOf } from '../aws/documented-tps.js';
import { identityKey } from '../model/identity.js';
import type { Observation } from '../live/types.js';
import type { DesiredResource } from '../plan/desired.js';
import type { Change, Plan } from '../plan/types.js';
import type { ReadScope } from '../live/types.js';
import { assertUnchanged, needsConflictCheck } from './conflict.js';
import { createOperationContext } from './context.js';
import { executeGraph, type ChangeOutcome, type ExecutorEvent } from './executor.js';
import { createIdRegistry } from './id-registry.js';
import { OPERATIONS } from './operations/index.js';
import { RateBudget, type Timing } from '../aws/rate-budget.js';
import { ApplyError, type IdRegistry } from './types.js';

/** Everything apply needs besides the plan. */
export interface ApplyDeps {
  clients: ClientFactory;
  desired: readonly DesiredResource[];
  observation: Observation;
  /** Account of each domain (declared, live, or the caller's). */
  domainAccount(domain: string): string;
  timing: Timing;
  random: () => number;
  concurrency?: number;
  /** Overall deadline, ms from now. */
  deadlineMs?: number;
  /** Scale of the documented TPS budgets (benchmarks against a scaled emulator). */
  rateScale?: number;
  maxRetries?: number;
  onEvent(event: ExecutorEvent): void;
  log(event: Record<string, unknown>, message: string): void;
  shouldStop?(): boolean;
  /** A long wait's heartbeat (every ~30 s): what is awaited and for how long so far. */
  onWait?(what: string, elapsedMs: number): void;
  /**
   * The plan's read scope: when given, every update and delete first re-reads its resource and is
   * refused when it changed since the plan read it (conflict.ts).
   */
  conflictScope?: ReadScope;
}

// DataZone, RAM and SageMaker operations share names (CreateDomain); the budget is per service.
function serviceOf(operation: string): string {
  if (/ResourceShare|Permission/.test(operation)) return 'ram';
  return 'datazone';
}

/** Applies the plan's actionable changes. */
export async function applyPlan(plan: Plan, deps: ApplyDeps): Promise<ChangeOutcome[]> {
  const desiredByKey = new Map(deps.desired.map((d) => [d.key, d]));
  const liveByKey = new Map(deps.observation.resources.map((r) => [r.key, r]));
  const roles = new Map<string, string>();
  for (const d of deps.desired) {
    if (d.manifest.kind === 'AccountAssociation' && d.manifest.spec.assumeRoleArn) {
      roles.set(`${d.address.domain}/${d.address.name}`, d.manifest.spec.assumeRoleArn);
    }
  }
  const deadline = deps.timing.now() + (deps.deadlineMs ?? 60 * 60_000);
  const ctx = createOperationContext({
    clients: deps.clients,
    ids: createIdRegistry(deps.observation.resources),
    timing: deps.timing,
    random: deps.random,
    budget: new RateBudget(
      (operation) => tpsOf(serviceOf(operation), operation),
      deps.timing,
      deps.rateScale ?? 1,
    ),
    roleFor: (domain, account) => roles.get(`${domain}/${account}`),
    // The role the read verified for a Studio domain's account (live/studio-places.ts), so apply acts where the plan looked.
    accountRole: (account) =>
      deps.observation.studioAccounts?.find((a) => a.account === account && !a.problem)?.roleArn,
    domainAccount: deps.domainAccount,
    deadline,
    maxRetries: deps.maxRetries ?? 8,
    log: deps.log,
    ...(deps.shouldStop ? { shouldStop: deps.shouldStop } : {}),
    ...(deps.onWait ? { onWait: deps.onWait } : {}),
  });
  const outcomes = await executeGraph(
    plan.changes,
    async (change) => {
      const key = identityKey(change.address);
      const kind = change.address.kind;
      if (kind === 'Policy') throw new ApplyError('a Policy is not a resource');
      const live = liveByKey.get(key);
      const desired = desiredByKey.get(key);
      if (deps.conflictScope && live && needsConflictCheck(change, live)) {
        const verdict = await assertUnchanged(
          change,
          live,
          { clients: deps.clients, scope: deps.conflictScope, timing: deps.timing, random: deps.random },
          desired?.normal,
        );
        // Another apply already made it so: writing again would only race that apply.
        if (verdict === 'done') return;
      }
      await OPERATIONS[kind]({ change, desired, live }, ctx);
    },
    {
      // Changes spend most of their time waiting on async states; the per-operation rate budgets,
      // not this number, bound the calls. Measured on the org bench: 32 gave 0.35 of the bound, 256 gave 0.80.
      concurrency: deps.concurrency ?? 256,
      now: deps.timing.now,
      onEvent: deps.onEvent,
      shouldStop: () => deps.timing.now() > deadline || (deps.shouldStop?.() ?? false),
    },
  );
  return outcomes.map((o) => {
    const id = o.status === 'done' ? createdId(o.change, ctx.ids) : undefined;
    return id ? { ...o, id } : o;
  });
}

/**
 * The id a create or replace gave its resource, from the registry the operation filled: what a
 * caller of `apply --format json` needs to act on the new resource without another read. Kinds
 * the registry does not hold (associations, configurations, grants, Studio and glossary kinds) have none here.
 */
function createdId(change: Change, ids: IdRegistry): string | undefined {
  if (change.action !== 'create' && change.action !== 'replace') return undefined;
  const { kind, domain, name } = change.address;
  switch (kind) {
    case 'Domain':
      return ids.domain(name)?.id;
    case 'DomainUnit':
    case 'AccountPool':
    case 'ProjectProfile':
    case 'Project':
      return ids.get(kind, domain ?? '', name);
    default:
      return undefined;
  }
}
