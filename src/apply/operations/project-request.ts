/**
 * Request members of a project, built from its normalised desired value (plan/desired.ts
 * `normalizeProject`: `spec.target` is already spread onto every environment that needs an
 * account choice): `userParameters` (the resolved account and region per environment, and the
 * parameter overrides) and `resourceTags`.
 */
import type {
  EnvironmentConfigurationUserParameter,
  GetProjectProfileCommandOutput,
} from '@aws-sdk/client-datazone';
import type { NormalProject } from '../../model/normalized.js';

/**
 * The pool each environment's account comes from, when the profile names exactly one pool for it
 * (with several, the service finds the pool that offers the account itself).
 */
export function singlePools(profile: GetProjectProfileCommandOutput | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const config of profile?.environmentConfigurations ?? []) {
    const [only, ...more] = config.accountPools ?? [];
    if (config.name && only && more.length === 0) out.set(config.name, only);
  }
  return out;
}

/** `userParameters` of CreateProject / UpdateProject; undefined when no environment has a target or parameters. */
export function userParameters(
  project: NormalProject,
  poolOf: ReadonlyMap<string, string> = new Map(),
): EnvironmentConfigurationUserParameter[] | undefined {
  const out = (project.environments ?? []).map((env): EnvironmentConfigurationUserParameter => {
    const pool = poolOf.get(env.name);
    return {
      environmentConfigurationName: env.name,
      ...(env.target
        ? {
            environmentResolvedAccount: {
              awsAccountId: env.target.account,
              regionName: env.target.region,
              ...(pool ? { sourceAccountPoolId: pool } : {}),
            },
          }
        : {}),
      ...(env.parameters
        ? { environmentParameters: Object.entries(env.parameters).map(([name, value]) => ({ name, value })) }
        : {}),
    };
  });
  return out.length > 0 ? out : undefined;
}

/** The project's own resource tags as the API takes them (a map); `{}` clears them on update. */
export function resourceTags(project: NormalProject): Record<string, string> {
  return { ...(project.resourceTags ?? {}) };
}
