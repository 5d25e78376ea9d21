/**
 * Managed blueprint names by id. Blueprint ids are per domain and opaque, while manifests name
 * blueprints, so profiles and blueprint configurations resolve ids through one
 * ListEnvironmentBlueprints(managed=true) per domain.
 */
import { ListEnvironmentBlueprintsCommand } from '@aws-sdk/client-datazone';
import type { DomainContext } from './domain-context.js';
import { NameIndex } from './resolve-names.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';

/** The domain's managed blueprints by id (empty, with a recorded failure, when the list failed). */
export async function listBlueprintNames(dc: DomainContext): Promise<NameIndex> {
  const items = await dc.read.list(
    'ListEnvironmentBlueprints',
    dc.where,
    viaDataZone(dc.clients),
    async (nextToken) => {
      const out = await dc.clients.dataZone.send(
        new ListEnvironmentBlueprintsCommand({
          domainIdentifier: dc.domain.id,
          managed: true,
          maxResults: DATAZONE_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.items, nextToken: out.nextToken };
    },
  );
  return new NameIndex((items ?? []).map((b) => [b.id ?? '', b.name ?? ''] as const));
}
