/**
 * Domain unit owners (issue 15): ListEntityOwners names owners by user and group profile id; the
 * project members' resolver (members.ts) turns them into the manifest form (`user:<arn|name>`,
 * `group:<name>`) and shares its per-run cache with the project reader, since the same people own
 * units and are members of projects. Owners are read only for the units whose manifest declares
 * them (or every unit when exporting), so a domain that does not manage owners pays nothing.
 */
import { ListEntityOwnersCommand } from '@aws-sdk/client-datazone';
import type { DomainContext, DomainScope } from './domain-context.js';
import type { MemberNames } from './members.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_DOMAINS_MAX_RESULTS } from './page-sizes.js';

/** Marks `scope.owners` as "every unit" (export). */
export const ALL_UNIT_OWNERS = '*';

/** The root unit's path in `scope.owners` (the root has no name: `Domain.spec.owners` are its owners). */
export const ROOT_UNIT_OWNERS = '';

/** True when the owners of the unit at `path` are read. */
export function wantsOwners(scope: DomainScope, path: string): boolean {
  const owners = scope.owners ?? [];
  return owners.includes(ALL_UNIT_OWNERS) || owners.includes(path);
}

/**
 * The unit's owners in manifest form, sorted; undefined when the list or a name could not be read
 * (recorded as a failure: "unread" must never be planned as "no owners").
 */
export async function readUnitOwners(
  // Only these parts of a domain context: the domain reader has no full context yet.
  dc: Pick<DomainContext, 'clients' | 'read'> & { domain: { id: string } },
  unitId: string,
  where: string,
  members: MemberNames,
): Promise<string[] | undefined> {
  const { domain, clients, read } = dc;
  const items = await read.list('ListEntityOwners', where, viaDataZone(clients), async (nextToken) => {
    const out = await clients.dataZone.send(
      new ListEntityOwnersCommand({
        domainIdentifier: domain.id,
        entityType: 'DOMAIN_UNIT',
        entityIdentifier: unitId,
        // MaxResultsForListDomains (at most 25), the page size this operation takes.
        maxResults: DATAZONE_DOMAINS_MAX_RESULTS,
        nextToken,
      }),
    );
    return { items: out.owners, nextToken: out.nextToken };
  });
  if (!items) return undefined;
  const names = await Promise.all(
    items.map((o) =>
      members.resolve(
        clients,
        domain.id,
        // OwnerPropertiesOutput and MemberDetails name a profile the same way.
        o.user ? { user: { userId: o.user.userId ?? '' } } : { group: { groupId: o.group?.groupId ?? '' } },
      ),
    ),
  );
  if (names.some((n) => n === undefined)) {
    read.fail('ListEntityOwners', where, 'an owner could not be named');
    return undefined;
  }
  return [...new Set(names as string[])].sort();
}
