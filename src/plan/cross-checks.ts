/**
 * Plan-time checks of where new projects will land, with what only live data can tell (validation
 * already checked what the manifests alone decide). For every project the plan creates,
 * replaces or redeploys, and every environment of its profile that has an account chosen:
 *
 * - the account must be the domain's own or associated with the domain (declared and present, or
 *   live and not deleted by this plan);
 * - a pool-based environment's account and region must be offered by one of its pools, when
 *   validation could not tell (a pool not declared, or resolved by a Lambda: its accounts come
 *   from ListAccountsInAccountPool);
 * - the environment's blueprint must be enabled in that account and region: a BlueprintConfiguration
 *   declared (the desired one wins, it is put before the project is created) or live.
 *
 * A violation refuses the plan. What cannot be known (an account whose configurations the tool
 * cannot read, a pool not read) becomes a note: DataZone will decide, and the reviewer is told.
 * Pure: everything comes from the desired resources, the planned changes and the observation.
 */
import { formatAddress, identityKey } from '../model/identity.js';
import type { NormalAccountPool, NormalProject, NormalProjectProfile } from '../model/normalized.js';
import { Facts, type CrossCheckInput, type Verdict } from './cross-check-facts.js';
import { environmentTargets } from './dependencies.js';
import { locationOf } from './preflight.js';
import type { Refusal } from './types.js';

/** What the checks look at (defined beside the lookups over it). */
export type { CrossCheckInput };

/** Refusals (the plan is not applied) and notes (shown with the plan). */
export interface CrossCheckResult {
  refused: Refusal[];
  notes: string[];
}

type ProfileEnvironment = NonNullable<NormalProjectProfile['environments']>[number];

/** What poolWarnings has judged of one account of a domain: associated, and enabled by blueprint and region. */
interface AccountFacts {
  associated: boolean;
  enabled: Map<string, Map<string, Verdict>>;
}

/** Whether the pools of an environment offer the account in the region. */
function offeredByPools(
  facts: Facts,
  domain: string,
  pools: readonly string[],
  target: { account: string; region: string },
): Verdict {
  const unknown: string[] = [];
  for (const name of pools) {
    const accounts = facts.poolAccounts(domain, name);
    if ('unknown' in accounts) {
      unknown.push(accounts.unknown);
      continue;
    }
    const entry = accounts.find((a) => a.id === target.account);
    if (entry?.regions.includes(target.region)) return { ok: true };
  }
  if (unknown.length > 0) return { ok: 'unknown', why: unknown.join('; ') };
  return {
    ok: false,
    why: `account ${target.account} in ${target.region} is not offered by its account pools (${pools.join(', ')})`,
  };
}

/** The findings about one environment of one project. */
function checkEnvironment(
  facts: Facts,
  domain: string,
  env: ProfileEnvironment,
  target: { account: string; region: string },
): Verdict[] {
  const verdicts: Verdict[] = [];
  const pools = env.target.accountPools;
  if (pools && !facts.poolsDeclaredStatic(domain, pools))
    verdicts.push(offeredByPools(facts, domain, pools, target));
  // "All associated accounts" environments are checked by validation and its deferred references.
  if (!env.target.allAssociatedAccounts && !facts.associated(domain, target.account)) {
    verdicts.push({
      ok: false,
      why: `account ${target.account} is neither the domain account nor associated with domain ${domain}`,
    });
    // A configuration in an account that cannot use the domain says nothing: stop here.
    return verdicts;
  }
  verdicts.push(facts.blueprintEnabled(domain, target.account, target.region, env.blueprint));
  return verdicts;
}

/**
 * Warnings for declared pools: an account a pool offers must be associated and have the blueprints
 * of the profiles that use the pool enabled in the regions the pool offers, or the first project
 * placed there fails. Nothing is refused (no project may land there yet); the reviewer is told.
 */
function poolWarnings(facts: Facts, input: CrossCheckInput): string[] {
  const notes: string[] = [];
  // The blueprints the profiles' environments use, per pool name, in first-use order: built once
  // (not per pool), and one blueprint once, since a repeat gives the same notes the Set drops.
  const blueprintsOf = new Map<string, string[]>();
  for (const p of input.desired) {
    if (p.address.kind !== 'ProjectProfile' || p.absent) continue;
    for (const e of (p.normal as NormalProjectProfile | undefined)?.environments ?? [])
      for (const name of e.target.accountPools ?? []) {
        const list = blueprintsOf.get(name) ?? [];
        if (!list.includes(e.blueprint)) list.push(e.blueprint);
        blueprintsOf.set(name, list);
      }
  }
  // Pools share accounts: each (domain, account) is judged associated once and each (domain,
  // account, region, blueprint) enabled once, looked up by the names themselves in nested maps (no
  // key text built for each of the hundred thousand questions).
  const known = new Map<string, Map<string, AccountFacts>>();
  // Indexed loops and no closure per step: a thousand pools of twenty-five accounts pass here
  // before the code is optimised, and each for-of step or arrow allocated there.
  for (let p = 0; p < input.desired.length; p++) {
    const pool = input.desired[p]!;
    const normal = pool.normal as NormalAccountPool | undefined;
    if (pool.address.kind !== 'AccountPool' || pool.absent || !normal?.accounts) continue;
    const domain = pool.address.domain ?? '';
    // Located only when there is something to say: a location parses its file exactly (seconds
    // for a large organisation), and a plan in good order has no warning to locate.
    let subjectText: string | undefined;
    const subject = () => {
      if (subjectText === undefined) {
        const at = locationOf(pool, '/spec/accounts');
        subjectText = `${formatAddress(pool.address)}${at ? ` (${at})` : ''}`;
      }
      return subjectText;
    };
    const blueprints = blueprintsOf.get(pool.address.name) ?? [];
    let inDomain = known.get(domain);
    if (inDomain === undefined) known.set(domain, (inDomain = new Map<string, AccountFacts>()));
    const accounts = normal.accounts;
    for (let a = 0; a < accounts.length; a++) {
      const account = accounts[a]!;
      let about = inDomain.get(account.id);
      if (about === undefined)
        inDomain.set(
          account.id,
          (about = { associated: facts.associated(domain, account.id), enabled: new Map() }),
        );
      if (!about.associated) {
        notes.push(
          `${subject()}: account ${account.id} is not associated with domain ${domain}; a project placed there will fail`,
        );
        continue;
      }
      for (let b = 0; b < blueprints.length; b++) {
        const blueprint = blueprints[b]!;
        let byRegion = about.enabled.get(blueprint);
        if (byRegion === undefined) about.enabled.set(blueprint, (byRegion = new Map<string, Verdict>()));
        for (let r = 0; r < account.regions.length; r++) {
          const region = account.regions[r]!;
          // Looked up without a closure: this is the hundred-thousand-times question.
          let verdict = byRegion.get(region);
          if (verdict === undefined)
            byRegion.set(region, (verdict = facts.blueprintEnabled(domain, account.id, region, blueprint)));
          if (verdict.ok === false)
            notes.push(`${subject()}: ${verdict.why}; a project placed there will fail`);
        }
      }
    }
  }
  return [...new Set(notes)];
}

/** Runs the checks for every project the plan creates or replaces. */
export function crossCheckTargets(input: CrossCheckInput): CrossCheckResult {
  const facts = new Facts(input);
  const desiredByKey = facts.index.desired;
  const refused: Refusal[] = [];
  const notes: string[] = [];
  for (const change of input.changes) {
    if (change.address.kind !== 'Project') continue;
    // A redeploy lands where a create would: the same readiness applies.
    const deploys =
      change.action === 'create' || change.action === 'replace' || change.reason === 'deployment-failed';
    if (!deploys) continue;
    const d = desiredByKey.get(identityKey(change.address));
    const project = d?.normal as NormalProject | undefined;
    const domain = change.address.domain ?? '';
    if (!project) continue;
    // An unknown profile is reported by validation or as an unresolved reference.
    const profile = facts.profile(domain, project.profile);
    const targets = new Map(environmentTargets(project, profile).map((t) => [t.name, t.target]));
    for (const env of profile?.environments ?? []) {
      const target = targets.get(env.name);
      if (!target) continue;
      for (const verdict of checkEnvironment(facts, domain, env, target)) {
        if (verdict.ok === true) continue;
        const subject = `${formatAddress(change.address)} environment "${env.name}" (blueprint ${env.blueprint}, account ${target.account}, region ${target.region})`;
        if (verdict.ok === 'unknown') notes.push(`${subject}: ${verdict.why}`);
        else if (!input.observation.complete)
          // A failed read may be why: report it, but only a complete observation refuses.
          notes.push(`${subject}: ${verdict.why} (unverified: the live read is incomplete)`);
        else
          refused.push({
            address: change.address,
            reason: 'target-not-ready',
            detail: `${subject}: ${verdict.why}`,
          });
      }
    }
  }
  refused.sort(
    (a, b) => compare(identityKey(a.address), identityKey(b.address)) || compare(a.detail, b.detail),
  );
  notes.push(...(input.observation.complete ? poolWarnings(facts, input) : []));
  return { refused, notes: notes.sort() };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
