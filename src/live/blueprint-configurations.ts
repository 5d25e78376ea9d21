/**
 * Blueprint configurations. A configuration belongs to the CALLING account (reference §9), so each
 * account is read with its own clients: home clients for the caller's account, clients of the
 * account's assumed role otherwise. The list items hold the whole configuration; `globalParameters`
 * is write-only and never appears. The address always carries the real account id.
 */
import {
  ListEnvironmentBlueprintConfigurationsCommand,
  type EnvironmentBlueprintConfigurationItem,
} from '@aws-sdk/client-datazone';
import type { AwsClients } from '../aws/clients.js';
import { compact, type NormalBlueprintConfiguration } from '../model/normalized.js';
import type { DomainContext } from './domain-context.js';
import type { NameIndex } from './resolve-names.js';
import { liveResource } from './resource.js';
import type { LiveResource } from './types.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';

/** An account whose configurations are read, with the clients acting as it. */
export interface ConfigurationAccount {
  account: string;
  clients: AwsClients;
}

/** The normalised value of a configuration (the mirror of the BlueprintConfiguration manifest's desired value). */
export function normalizeBlueprintConfiguration(
  item: EnvironmentBlueprintConfigurationItem,
): NormalBlueprintConfiguration {
  const enabledRegions = [...(item.enabledRegions ?? [])];
  const normal: NormalBlueprintConfiguration = {
    enabledRegions,
    provisioningRole: item.provisioningRoleArn,
    manageAccessRole: item.manageAccessRoleArn,
    permissionBoundary: item.environmentRolePermissionBoundary,
    regionalParameters: item.regionalParameters,
  };
  // enabledRegions is required even when empty (an empty list disables the blueprint everywhere).
  return { ...compact(normal), enabledRegions };
}

/** Reads one account's configurations of the domain's blueprints. */
export async function readBlueprintConfigurations(
  dc: DomainContext,
  target: ConfigurationAccount,
  blueprints: () => Promise<NameIndex>,
): Promise<LiveResource[]> {
  const { domain, read } = dc;
  const items = await read.list(
    'ListEnvironmentBlueprintConfigurations',
    `${dc.where} account ${target.account}`,
    viaDataZone(target.clients),
    async (nextToken) => {
      const out = await target.clients.dataZone.send(
        new ListEnvironmentBlueprintConfigurationsCommand({
          domainIdentifier: domain.id,
          maxResults: DATAZONE_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.items, nextToken: out.nextToken };
    },
  );
  if (!items || items.length === 0) return [];
  const names = await blueprints();
  return items.map((item) => {
    const blueprintId = item.environmentBlueprintId ?? '';
    return liveResource({
      address: {
        kind: 'BlueprintConfiguration',
        domain: domain.name,
        name: names.name(blueprintId),
        account: target.account,
      },
      id: `${target.account}:${blueprintId}`,
      normal: normalizeBlueprintConfiguration(item),
      summary: item,
      meta: { blueprintId, domainId: domain.id, account: target.account },
      lastUpdatedAt: item.updatedAt,
    });
  });
}
