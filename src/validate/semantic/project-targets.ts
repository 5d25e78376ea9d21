/**
 * A project's account and region must be allowed by its profile (reference §7, §8): for an
 * environment that targets account pools, the account must be in one of those pools and the
 * region among the regions that account supports there; a fixed environment leaves no choice; an
 * "all associated accounts" environment needs an associated account (or the domain's own).
 * Pools resolved by a Lambda handler, or not declared, are checked at plan time instead.
 */
import type { ProfileEnvironment, ProjectTarget } from '../../model/manifest.js';
import { disallowedOverrides } from '../../model/profile-rules.js';
import { checkAssociatedAccount } from './references.js';
import { report, type CheckContext } from './context.js';
import { isPresent, type DocOf } from './inventory.js';

/**
 * What an environment's pools offer: the regions (sorted) of each account they list, or `skip`
 * when a pool cannot be seen into. Built once per pool list per check run (a profile's
 * environments share theirs): ten thousand projects ask it of the same few hundred lists.
 */
type PoolOffer = ReadonlyMap<string, readonly string[]> | 'skip';
/** Offers by pool list: the domain and the pool names. */
type PoolOffers = Map<string, PoolOffer>;

// The pool-list key of an environment, per environment object.
const poolKeys = new WeakMap<ProfileEnvironment, string>();

function poolKeyOf(domain: string, env: ProfileEnvironment): string {
  let key = poolKeys.get(env);
  if (key === undefined)
    poolKeys.set(env, (key = [domain, ...(env.target.accountPools ?? [])].join('\u0000')));
  return key;
}

function poolOffer(ctx: CheckContext, domain: string, env: ProfileEnvironment): PoolOffer {
  const declared = ctx.inventory.inDomain('AccountPool', domain);
  const pools = (env.target.accountPools ?? []).map((name) => declared.get(name));
  // Any pool we cannot see into (undeclared, or a Lambda) might allow the account: decide at plan time.
  if (pools.some((p) => !p || p.manifest.spec.customHandler)) return 'skip';
  const regions = new Map<string, Set<string>>();
  for (const pool of pools)
    for (const account of pool?.manifest.spec.accounts ?? []) {
      let set = regions.get(account.id);
      if (!set) regions.set(account.id, (set = new Set()));
      for (const region of account.regions) set.add(region);
    }
  return new Map([...regions].map(([id, set]) => [id, [...set].sort()]));
}

function poolCheck(
  ctx: CheckContext,
  offers: PoolOffers,
  project: DocOf<'Project'>,
  env: ProfileEnvironment,
  target: ProjectTarget,
  pointer: string,
): void {
  // The profile was found in the project's domain: one environment object belongs to one domain.
  const domain = project.manifest.metadata.domain ?? '';
  const poolKey = poolKeyOf(domain, env);
  let offer = offers.get(poolKey);
  if (offer === undefined) offers.set(poolKey, (offer = poolOffer(ctx, domain, env)));
  if (offer === 'skip') return;
  const regions = offer.get(target.account);
  if (!regions) {
    const poolNames = (env.target.accountPools ?? []).join(', ');
    report(
      ctx,
      project,
      'SG306',
      `account ${target.account} is not in any pool of environment "${env.name}" (${poolNames})`,
      `${pointer}/account`,
    );
    return;
  }
  if (!regions.includes(target.region)) {
    report(
      ctx,
      project,
      'SG307',
      `region ${target.region} is not supported by account ${target.account} in environment "${env.name}" (supported: ${regions.join(', ')})`,
      `${pointer}/region`,
    );
  }
}

/** A project without a profile has no environments: a target or environment entries would never apply. */
function checkProfileless(ctx: CheckContext, project: DocOf<'Project'>): void {
  for (const field of ['target', 'environments'] as const) {
    if (project.manifest.spec[field] === undefined) continue;
    report(
      ctx,
      project,
      'SG318',
      `a project without a profile has no environments, so spec.${field} has nothing to apply to: remove it or set spec.profile`,
      `/spec/${field}`,
      { atKey: true },
    );
  }
}

/** Runs the target checks for every project whose profile is declared (or that has none). */
export function checkProjectTargets(ctx: CheckContext): void {
  const offers: PoolOffers = new Map();
  for (const project of ctx.inventory.ofKind('Project')) {
    // A tombstone is never created: its target does not matter.
    if (!isPresent(project)) continue;
    const spec = project.manifest.spec;
    const domain = project.manifest.metadata.domain ?? '';
    if (spec.profile === undefined) {
      checkProfileless(ctx, project);
      continue;
    }
    const profile = ctx.inventory.inDomain('ProjectProfile', domain).get(spec.profile);
    if (!profile) continue;
    for (const problem of disallowedOverrides(spec.profile, profile.manifest.spec, spec))
      report(ctx, project, problem.code, problem.message, problem.pointer, {
        atKey: problem.code === 'SG314',
      });
    const everyFixed = (profile.manifest.spec.environments ?? []).every(
      (e) => e.target.account !== undefined,
    );
    if (spec.target && everyFixed) {
      report(
        ctx,
        project,
        'SG308',
        `profile "${spec.profile}" fixes the account and region of every environment; spec.target would be ignored: remove it`,
        '/spec/target',
        { atKey: true },
      );
    }
    const envs = profile.manifest.spec.environments ?? [];
    // Built only for a project that overrides environments (few do).
    const byName = spec.environments?.length ? new Map(envs.map((e) => [e.name, e])) : new Map();
    (spec.environments ?? []).forEach((override, i) => {
      if (!byName.has(override.name)) {
        report(
          ctx,
          project,
          'SG310',
          `profile "${spec.profile}" has no environment "${override.name}" (it has: ${[...byName.keys()].join(', ') || 'none'})`,
          `/spec/environments/${i}/name`,
        );
      }
    });
    for (const env of envs) {
      const index = (spec.environments ?? []).findIndex((e) => e.name === env.name);
      const own = index >= 0 ? spec.environments?.[index]?.target : undefined;
      const target = own ?? spec.target;
      const pointer = own ? `/spec/environments/${index}/target` : '/spec/target';
      const fixed = env.target.account !== undefined;
      if (fixed) {
        if (own) {
          report(
            ctx,
            project,
            'SG308',
            `environment "${env.name}" of profile "${spec.profile}" is fixed to ${env.target.account}/${env.target.region}; remove this target`,
            pointer,
          );
        }
        continue;
      }
      if (!target) {
        if ((env.deploymentMode ?? 'ON_CREATE') === 'ON_CREATE') {
          report(
            ctx,
            project,
            'SG308',
            `environment "${env.name}" of profile "${spec.profile}" needs an account and region: set spec.target`,
            '/spec',
            { atKey: true },
          );
        }
        continue;
      }
      if (env.target.accountPools) poolCheck(ctx, offers, project, env, target, pointer);
      else if (env.target.allAssociatedAccounts)
        checkAssociatedAccount(ctx, project, domain, target.account, `${pointer}/account`);
    }
  }
}
