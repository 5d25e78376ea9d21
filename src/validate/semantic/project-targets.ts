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
 * The pools of an environment, or `skip` when one cannot be seen into (undeclared, or a Lambda
 * handler): then any account might be allowed and plan time decides. Each pool's accounts are
 * indexed by id once, so a project's check is a lookup per pool, not a union of every account of
 * its pools: ten thousand projects ask it of the same few hundred lists.
 */
type EnvPools = readonly PoolIndex[] | 'skip';
/** A pool's accounts: id → the regions of each entry with that id. */
type PoolIndex = ReadonlyMap<string, readonly (readonly string[])[]>;

/** Per check run: the pools of each environment object, and each pool's index. */
interface PoolCache {
  envs: Map<ProfileEnvironment, EnvPools>;
  pools: Map<DocOf<'AccountPool'>, PoolIndex>;
}

function indexPool(pool: DocOf<'AccountPool'>): PoolIndex {
  const index = new Map<string, (readonly string[])[]>();
  for (const account of pool.manifest.spec.accounts ?? []) {
    const entries = index.get(account.id);
    if (entries) entries.push(account.regions);
    else index.set(account.id, [account.regions]);
  }
  return index;
}

function envPools(ctx: CheckContext, cache: PoolCache, domain: string, env: ProfileEnvironment): EnvPools {
  let found = cache.envs.get(env);
  if (found !== undefined) return found;
  const declared = ctx.inventory.inDomain('AccountPool', domain);
  const indexes: PoolIndex[] = [];
  for (const name of env.target.accountPools ?? []) {
    const pool = declared.get(name);
    if (!pool || pool.manifest.spec.customHandler) {
      indexes.length = 0;
      break;
    }
    let index = cache.pools.get(pool);
    if (!index) cache.pools.set(pool, (index = indexPool(pool)));
    indexes.push(index);
  }
  // The environment object belongs to one profile of one domain: one answer per object.
  found = indexes.length === (env.target.accountPools ?? []).length ? indexes : 'skip';
  cache.envs.set(env, found);
  return found;
}

function poolCheck(
  ctx: CheckContext,
  cache: PoolCache,
  project: DocOf<'Project'>,
  env: ProfileEnvironment,
  target: ProjectTarget,
  pointer: string,
): void {
  const pools = envPools(ctx, cache, project.manifest.metadata.domain ?? '', env);
  if (pools === 'skip') return;
  let listed = false;
  for (const pool of pools) {
    const entries = pool.get(target.account);
    if (!entries) continue;
    listed = true;
    for (const regions of entries) if (regions.includes(target.region)) return;
  }
  if (!listed) {
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
  // Only now the regions the account is offered, for the message: every pool's, once, sorted.
  const offered = new Set<string>();
  for (const pool of pools)
    for (const regions of pool.get(target.account) ?? []) for (const r of regions) offered.add(r);
  report(
    ctx,
    project,
    'SG307',
    `region ${target.region} is not supported by account ${target.account} in environment "${env.name}" (supported: ${[...offered].sort().join(', ')})`,
    `${pointer}/region`,
  );
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

/** Each environment entry of a project must name one of its profile's environments. */
function checkOverrideNames(
  ctx: CheckContext,
  project: DocOf<'Project'>,
  profileName: string,
  envs: readonly ProfileEnvironment[],
): void {
  const byName = new Map(envs.map((e) => [e.name, e]));
  (project.manifest.spec.environments ?? []).forEach((override, i) => {
    if (!byName.has(override.name)) {
      report(
        ctx,
        project,
        'SG310',
        `profile "${profileName}" has no environment "${override.name}" (it has: ${[...byName.keys()].join(', ') || 'none'})`,
        `/spec/environments/${i}/name`,
      );
    }
  });
}

function everyEnvironmentFixed(envs: readonly ProfileEnvironment[]): boolean {
  for (const env of envs) if (env.target.account === undefined) return false;
  return true;
}

/** Runs the target checks for every project whose profile is declared (or that has none). */
export function checkProjectTargets(ctx: CheckContext): void {
  const cache: PoolCache = { envs: new Map(), pools: new Map() };
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
    // Overrides are only in tags and environments: a project with neither (most) has none to judge.
    if (spec.resourceTags !== undefined || spec.environments !== undefined)
      for (const problem of disallowedOverrides(spec.profile, profile.manifest.spec, spec))
        report(ctx, project, problem.code, problem.message, problem.pointer, {
          atKey: problem.code === 'SG314',
        });
    if (spec.target && everyEnvironmentFixed(profile.manifest.spec.environments ?? [])) {
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
    // Few projects override environments: the others build no lookup and no callback.
    if (spec.environments?.length) checkOverrideNames(ctx, project, spec.profile, envs);
    for (const env of envs) {
      const index = spec.environments ? spec.environments.findIndex((e) => e.name === env.name) : -1;
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
      if (env.target.accountPools) poolCheck(ctx, cache, project, env, target, pointer);
      else if (env.target.allAssociatedAccounts)
        checkAssociatedAccount(ctx, project, domain, target.account, `${pointer}/account`);
    }
  }
}
