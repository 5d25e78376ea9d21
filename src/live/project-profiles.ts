/**
 * Project profiles: ListProjectProfiles (items have no environment configurations), then
 * GetProjectProfile for the profiles the plan needs fully read. Ids become names: blueprint ids
 * through the managed blueprint list, pool ids through the pool list, the unit id through the
 * walked tree. Server-computed parts (`resolvedParameters`, configuration `id`s, which rotate on
 * every update) are left out, as the diff must never see them.
 */
import {
  GetProjectProfileCommand,
  ListProjectProfilesCommand,
  type EnvironmentConfiguration,
  type GetProjectProfileCommandOutput,
  type ProjectProfileSummary,
} from '@aws-sdk/client-datazone';
import { compact, type NormalProjectProfile, type NormalTarget } from '../model/normalized.js';
import { isWanted, type DomainContext } from './domain-context.js';
import { NameIndex, type UnitPaths } from './resolve-names.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';

/** The names a profile's ids resolve through. */
export interface ProfileNames {
  units: UnitPaths;
  pools: NameIndex;
  blueprints: NameIndex;
}

/** Every profile of the domain; undefined when the list failed. */
export function listProjectProfiles(dc: DomainContext): Promise<ProjectProfileSummary[] | undefined> {
  return dc.read.list('ListProjectProfiles', dc.where, viaDataZone(dc.clients), async (nextToken) => {
    const out = await dc.clients.dataZone.send(
      new ListProjectProfilesCommand({
        domainIdentifier: dc.domain.id,
        maxResults: DATAZONE_MAX_RESULTS,
        nextToken,
      }),
    );
    return { items: out.items, nextToken: out.nextToken };
  });
}

/** Profile names by id. */
export function profileNames(profiles: ProjectProfileSummary[] | undefined): NameIndex {
  return new NameIndex((profiles ?? []).map((p) => [p.id ?? '', p.name ?? ''] as const));
}

/**
 * Where an environment deploys: pools, a fixed account and region, or (neither) any associated
 * account. An SSM-parameter account or region has no manifest form; it shows as `ssm:<path>`.
 */
function targetOf(config: EnvironmentConfiguration, pools: NameIndex): NormalTarget {
  if (config.accountPools && config.accountPools.length > 0) {
    return { accountPools: config.accountPools.map((id) => pools.name(id)) };
  }
  const account = config.awsAccount?.awsAccountId ?? ssm(config.awsAccount?.awsAccountIdPath);
  if (account !== undefined) {
    return { account, region: config.awsRegion?.regionName ?? ssm(config.awsRegion?.regionNamePath) };
  }
  return { allAssociatedAccounts: true };
}

function ssm(path: string | undefined): string | undefined {
  return path === undefined ? undefined : `ssm:${path}`;
}

/** The normalised value of a profile (the mirror of the ProjectProfile manifest's desired value). */
export function normalizeProjectProfile(
  profile: GetProjectProfileCommandOutput,
  names: ProfileNames,
): NormalProjectProfile {
  const normal: NormalProjectProfile = {
    description: profile.description,
    status: profile.status === 'DISABLED' ? 'DISABLED' : 'ENABLED',
    domainUnit: names.units.path(profile.domainUnitId),
    allowCustomProjectResourceTags: profile.allowCustomProjectResourceTags ?? false,
    projectResourceTagsDescription: profile.projectResourceTagsDescription,
    projectResourceTags: profile.projectResourceTags?.map((t) => ({
      key: t.key ?? '',
      value: t.value ?? '',
      editable: t.isValueEditable ?? false,
    })),
    environments: profile.environmentConfigurations?.map((config) => ({
      name: config.name ?? '',
      description: config.description,
      blueprint: names.blueprints.name(config.environmentBlueprintId ?? ''),
      deploymentMode: config.deploymentMode === 'ON_DEMAND' ? 'ON_DEMAND' : 'ON_CREATE',
      deploymentOrder: config.deploymentOrder,
      target: targetOf(config, names.pools),
      parameters: config.configurationParameters?.parameterOverrides?.map((p) => ({
        name: p.name ?? '',
        value: p.value,
        editable: p.isEditable ?? false,
      })),
    })),
  };
  return compact(normal);
}

/** The LiveResources of the listed profiles (fetched when wanted). */
export async function readProjectProfiles(
  dc: DomainContext,
  profiles: ProjectProfileSummary[],
  names: () => Promise<ProfileNames>,
): Promise<LiveResource[]> {
  const { domain, clients, read } = dc;
  const resources = await Promise.all(
    profiles.map(async (profile) => {
      const id = profile.id ?? '';
      const name = profile.name ?? '';
      const base = {
        address: { kind: 'ProjectProfile' as const, domain: domain.name, name },
        id,
        summary: profile,
        meta: { domainId: domain.id, profileId: id },
        lastUpdatedAt: profile.lastUpdatedAt,
      };
      if (!isWanted(dc.scope, 'ProjectProfile', name)) return liveResource(base);
      const got = await read.getListed(
        'GetProjectProfile',
        `${dc.where} profile ${name}`,
        viaDataZone(clients),
        () =>
          clients.dataZone.send(
            new GetProjectProfileCommand({ domainIdentifier: domain.id, identifier: id }),
          ),
      );
      if (!got.ok) {
        return got.gone
          ? undefined
          : liveResource({ ...base, meta: { ...base.meta, [READ_FAILED_META]: 'GetProjectProfile' } });
      }
      const normal = normalizeProjectProfile(got.value, await names());
      return liveResource({ ...base, normal, lastUpdatedAt: got.value.lastUpdatedAt });
    }),
  );
  return resources.filter((r): r is LiveResource => r !== undefined);
}
