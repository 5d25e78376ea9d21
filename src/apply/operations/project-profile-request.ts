/**
 * The request body of a project profile, built from its normalised desired value: names become ids
 * (blueprints through ListEnvironmentBlueprints, pools and the domain unit through the id
 * registry), targets become the API's three forms (pools | fixed account + region | neither, which
 * means any associated account). Create and update send the same complete body: environment
 * configurations are a list, so a PATCH with part of it would drop the rest.
 */
import type { EnvironmentConfiguration, Status } from '@aws-sdk/client-datazone';
import type { NormalProjectProfile, NormalTarget } from '../../model/normalized.js';
import { ApplyError, type OperationContext } from '../types.js';
import { unitId, type DomainRef } from './dz-calls.js';

/** Every body member of Create/UpdateProjectProfile except the name. */
export interface ProfileRequest {
  description: string;
  status: Status;
  domainUnitIdentifier: string;
  allowCustomProjectResourceTags: boolean;
  projectResourceTagsDescription: string;
  projectResourceTags: { key: string; value: string; isValueEditable: boolean }[];
  environmentConfigurations: EnvironmentConfiguration[];
}

/** Resolves names to ids for a profile of domain `domain`. */
export interface ProfileResolver {
  blueprintId(name: string): Promise<string>;
  poolId(name: string): string;
  unitId(path: string | undefined): string;
}

/** The resolver of a domain through the operation context. */
export function profileResolver(ctx: OperationContext, d: DomainRef): ProfileResolver {
  return {
    blueprintId: (name) => ctx.blueprintId(d.name, name),
    poolId(name) {
      const id = ctx.ids.get('AccountPool', d.name, name);
      if (!id) throw new ApplyError(`account pool ${name} does not exist in domain ${d.name}`);
      return id;
    },
    unitId: (path) => unitId(ctx, d, path),
  };
}

/** The target members of one environment configuration. */
export function targetMembers(
  target: NormalTarget,
  poolId: (name: string) => string,
): Pick<EnvironmentConfiguration, 'accountPools' | 'awsAccount' | 'awsRegion'> {
  if (target.accountPools) return { accountPools: target.accountPools.map(poolId) };
  if (target.account) {
    return {
      awsAccount: { awsAccountId: target.account },
      ...(target.region ? { awsRegion: { regionName: target.region } } : {}),
    };
  }
  // Neither pools nor an account: projects choose any associated account (reference §7).
  return {};
}

/**
 * The complete body. Unset optional fields are sent empty ('' or []) rather than left out, because
 * the update is a PATCH: an absent member would keep the live value the manifest no longer declares.
 */
export async function profileRequest(
  profile: NormalProjectProfile,
  resolve: ProfileResolver,
): Promise<ProfileRequest> {
  const environmentConfigurations = await Promise.all(
    (profile.environments ?? []).map(async (env): Promise<EnvironmentConfiguration> => ({
      name: env.name,
      description: env.description,
      environmentBlueprintId: await resolve.blueprintId(env.blueprint),
      deploymentMode: env.deploymentMode,
      deploymentOrder: env.deploymentOrder,
      ...targetMembers(env.target, (name) => resolve.poolId(name)),
      ...(env.parameters
        ? {
            configurationParameters: {
              parameterOverrides: env.parameters.map((p) => ({
                name: p.name,
                value: p.value,
                isEditable: p.editable,
              })),
            },
          }
        : {}),
    })),
  );
  return {
    description: profile.description ?? '',
    status: profile.status,
    domainUnitIdentifier: resolve.unitId(profile.domainUnit),
    allowCustomProjectResourceTags: profile.allowCustomProjectResourceTags,
    projectResourceTagsDescription: profile.projectResourceTagsDescription ?? '',
    projectResourceTags: (profile.projectResourceTags ?? []).map((t) => ({
      key: t.key,
      value: t.value,
      isValueEditable: t.editable,
    })),
    environmentConfigurations,
  };
}
