/**
 * The lookups the plan-time target checks (cross-checks.ts) ask of one plan: a profile as it will
 * be, whether an account is associated, whether a blueprint is enabled in an account and region,
 * and which accounts a pool offers. Each answers from the declared resource first, then the live
 * one (unless this plan deletes it). Kept apart from the checks so that each file holds one
 * concern: what is known here, what is judged there.
 */
import { HANDLER_ACCOUNTS_META } from '../live/account-pools.js';
import type { LiveResource, Observation } from '../live/types.js';
import { identityKey } from '../model/identity.js';
import type { NormalAccountPool, NormalProjectProfile } from '../model/normalized.js';
import type { DesiredResource } from './desired.js';
import { lastLive, planIndex, type PlanIndex } from './plan-index.js';
import type { Change } from './types.js';

/** What the checks look at. */
export interface CrossCheckInput {
  changes: readonly Change[];
  desired: readonly DesiredResource[];
  observation: Observation;
  domainAccount: (domain: string) => string;
  /** The plan's identity-key index, when the caller has built it already (else built here). */
  index?: PlanIndex;
}

/** An account offered by a pool, with its regions. */
interface PoolAccount {
  id: string;
  regions: string[];
}

/** A verdict on one question: yes, no (with why), or unknown (with why). */
export type Verdict = { ok: true } | { ok: false; why: string } | { ok: 'unknown'; why: string };

const LIVE_ASSOCIATION_STATUSES = new Set(['ASSOCIATED', 'ASSOCIATING']);

/** Lookups over one plan's desired and live resources. */
export class Facts {
  /** Desired and live resources by key (the planner's, or built for this input). */
  readonly index: PlanIndex;
  private readonly desired: ReadonlyMap<string, DesiredResource>;
  private readonly deleted = new Set<string>();

  constructor(private readonly input: CrossCheckInput) {
    this.index = input.index ?? planIndex(input.desired, input.observation.resources);
    this.desired = this.index.desired;
    for (const c of input.changes) if (c.action === 'delete') this.deleted.add(identityKey(c.address));
  }

  /** The live resource of a key (the last one read, as a map of the observation keeps it). */
  private live(key: string): LiveResource | undefined {
    return lastLive(this.index, key);
  }

  /** The profile as it will be: declared (present) first, else live. */
  profile(domain: string, name: string): NormalProjectProfile | undefined {
    const key = identityKey({ kind: 'ProjectProfile', domain, name });
    const d = this.desired.get(key);
    if (d) return d.absent ? undefined : (d.normal as NormalProjectProfile | undefined);
    return this.live(key)?.normal as NormalProjectProfile | undefined;
  }

  /** Declared present, or live (ASSOCIATED/ASSOCIATING) and not deleted by this plan; the domain account always. */
  associated(domain: string, account: string): boolean {
    if (account === this.input.domainAccount(domain)) return true;
    const key = identityKey({ kind: 'AccountAssociation', domain, name: account });
    const d = this.desired.get(key);
    if (d) return !d.absent;
    const live = this.live(key);
    return (
      live !== undefined && !this.deleted.has(key) && LIVE_ASSOCIATION_STATUSES.has(live.meta.status ?? '')
    );
  }

  /**
   * Whether the tool could read the account's blueprint configurations: its own (domain) account,
   * or a declared association's assumed role, with no failed read of that account.
   */
  private configurationsReadable(domain: string, account: string): boolean {
    const failed = this.input.observation.failures.some(
      (f) =>
        f.operation === 'ListEnvironmentBlueprintConfigurations' &&
        f.scope === `domain ${domain} account ${account}`,
    );
    if (failed) return false;
    if (account === this.input.domainAccount(domain) || account === this.input.observation.caller.account)
      return true;
    const association = this.desired.get(identityKey({ kind: 'AccountAssociation', domain, name: account }));
    return (
      association?.manifest.kind === 'AccountAssociation' &&
      !association.absent &&
      association.manifest.spec.assumeRoleArn !== undefined
    );
  }

  /** Whether `blueprint` is enabled in the account and region: the declared configuration, else the live one. */
  blueprintEnabled(domain: string, account: string, region: string, blueprint: string): Verdict {
    const key = identityKey({ kind: 'BlueprintConfiguration', domain, name: blueprint, account });
    const d = this.desired.get(key);
    const regionsOf = (normal: object | undefined) =>
      (normal as { enabledRegions?: string[] } | undefined)?.enabledRegions ?? [];
    // Built only for a finding: a large organisation asks this a hundred thousand times.
    const where = () => `blueprint ${blueprint} is not enabled in account ${account} region ${region}`;
    if (d) {
      if (d.absent) return { ok: false, why: `${where()} (its BlueprintConfiguration is declared absent)` };
      const regions = regionsOf(d.normal);
      return regions.includes(region)
        ? { ok: true }
        : { ok: false, why: `${where()} (declared enabledRegions: ${regions.join(', ') || 'none'})` };
    }
    const live = this.live(key);
    if (live && !this.deleted.has(key)) {
      const regions = regionsOf(live.normal);
      return regions.includes(region)
        ? { ok: true }
        : { ok: false, why: `${where()} (live enabledRegions: ${regions.join(', ') || 'none'})` };
    }
    if (!this.configurationsReadable(domain, account)) {
      return {
        ok: 'unknown',
        why: `cannot tell whether blueprint ${blueprint} is enabled in account ${account} region ${region}: the tool cannot read that account's blueprint configurations (declare its AccountAssociation with assumeRoleArn, or a BlueprintConfiguration)`,
      };
    }
    return { ok: false, why: `${where()} (no BlueprintConfiguration declared or live)` };
  }

  /** The accounts a pool offers, or why they are unknown. */
  poolAccounts(domain: string, name: string): PoolAccount[] | { unknown: string } {
    const key = identityKey({ kind: 'AccountPool', domain, name });
    const d = this.desired.get(key);
    if (d?.absent) return [];
    const declared = d?.normal as NormalAccountPool | undefined;
    if (declared?.accounts) return declared.accounts;
    const live = this.live(key);
    const handlerAccounts = live?.meta[HANDLER_ACCOUNTS_META];
    if (declared?.customHandler || (live?.normal as NormalAccountPool | undefined)?.customHandler) {
      // The Lambda's answer is only known for a live pool whose accounts were listed.
      return handlerAccounts !== undefined
        ? (JSON.parse(handlerAccounts) as PoolAccount[])
        : { unknown: `the accounts of pool ${name} (resolved by a Lambda) could not be listed` };
    }
    const liveAccounts = (live?.normal as NormalAccountPool | undefined)?.accounts;
    if (liveAccounts) return liveAccounts;
    return { unknown: `pool ${name} is neither declared nor read live` };
  }

  /** True when every pool is declared with a static account list: validation has already checked it. */
  poolsDeclaredStatic(domain: string, pools: readonly string[]): boolean {
    return pools.every((name) => {
      const d = this.desired.get(identityKey({ kind: 'AccountPool', domain, name }));
      return (
        d !== undefined && !d.absent && (d.normal as NormalAccountPool | undefined)?.accounts !== undefined
      );
    });
  }
}
