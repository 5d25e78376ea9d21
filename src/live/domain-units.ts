/**
 * Domain units: the tree is walked breadth-first from the root with ListDomainUnitsForParent (the
 * API has no flat list), giving every unit its path (`HR/Benefits`; the root is not a resource
 * and has no path). GetDomainUnit is spent only on units the plan needs fully read. The paths also
 * serve the profile and project readers, which name their unit by path.
 */
import {
  GetDomainUnitCommand,
  ListDomainUnitsForParentCommand,
  type DomainUnitSummary,
} from '@aws-sdk/client-datazone';
import { compact, type NormalDomainUnit } from '../model/normalized.js';
import { isWanted, type DomainContext } from './domain-context.js';
import { isGoneError } from './errors.js';
import { UnitPaths } from './resolve-names.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';
import { viaDataZone } from './pacing.js';
import type { MemberNames } from './members.js';
import { readUnitOwners, wantsOwners } from './unit-owners.js';
import { DATAZONE_DOMAINS_MAX_RESULTS } from './page-sizes.js';

/** A unit found in the walk. */
export interface WalkedUnit {
  id: string;
  name: string;
  path: string;
  parentId: string;
  summary: DomainUnitSummary;
}

/** The walked tree: every non-root unit reached, and the path index. */
export interface UnitTree {
  units: WalkedUnit[];
  paths: UnitPaths;
}

/**
 * Walks the tree level by level (the children of one level are listed in parallel). A failed
 * child list is recorded and its subtree is simply not reached (the read is then incomplete).
 */
export async function walkDomainUnits(dc: DomainContext): Promise<UnitTree> {
  const { domain, clients, read } = dc;
  const units: WalkedUnit[] = [];
  let level: { id: string; path: string }[] = [{ id: domain.rootDomainUnitId, path: '' }];
  while (level.length > 0) {
    const children = await Promise.all(
      level.map(async (parent) => {
        const items = await read.list(
          'ListDomainUnitsForParent',
          `${dc.where} unit ${parent.path || '(root)'}`,
          viaDataZone(clients),
          async (nextToken) => {
            try {
              const out = await clients.dataZone.send(
                new ListDomainUnitsForParentCommand({
                  domainIdentifier: domain.id,
                  parentDomainUnitIdentifier: parent.id,
                  maxResults: DATAZONE_DOMAINS_MAX_RESULTS,
                  nextToken,
                }),
              );
              return { items: out.items, nextToken: out.nextToken };
            } catch (error) {
              // A unit listed a moment ago and gone now was deleted meanwhile (an apply's own
              // delete beside this re-read): DataZone deletes only a unit without children, so it
              // has none. The root is never deleted, so its not-found stays a failure.
              if (parent.path !== '' && !nextToken && isGoneError(error))
                return { items: [], nextToken: undefined };
              throw error;
            }
          },
        );
        return (items ?? []).map((item): WalkedUnit => ({
          id: item.id ?? '',
          name: item.name ?? '',
          path: parent.path ? `${parent.path}/${item.name ?? ''}` : (item.name ?? ''),
          parentId: parent.id,
          summary: item,
        }));
      }),
    );
    const next = children.flat();
    units.push(...next);
    level = next;
  }
  return { units, paths: new UnitPaths(domain.rootDomainUnitId, new Map(units.map((u) => [u.id, u.path]))) };
}

/** The LiveResources of the walked units (fetched when wanted). */
export async function readDomainUnits(
  dc: DomainContext,
  tree: UnitTree,
  members: MemberNames,
): Promise<LiveResource[]> {
  const { domain, clients, read } = dc;
  const resources = await Promise.all(
    tree.units.map(async (unit) => {
      const base = {
        address: { kind: 'DomainUnit' as const, domain: domain.name, name: unit.path },
        id: unit.id,
        summary: unit.summary,
        meta: { domainId: domain.id, parentId: unit.parentId, unitId: unit.id },
      };
      if (!isWanted(dc.scope, 'DomainUnit', unit.path)) return liveResource(base);
      const where = `${dc.where} unit ${unit.path}`;
      const [got, owners] = await Promise.all([
        read.getListed('GetDomainUnit', where, viaDataZone(clients), () =>
          clients.dataZone.send(
            new GetDomainUnitCommand({ domainIdentifier: domain.id, identifier: unit.id }),
          ),
        ),
        wantsOwners(dc.scope, unit.path) ? readUnitOwners(dc, unit.id, where, members) : Promise.resolve([]),
      ]);
      if (!got.ok) {
        return got.gone
          ? undefined
          : liveResource({ ...base, meta: { ...base.meta, [READ_FAILED_META]: 'GetDomainUnit' } });
      }
      if (owners === undefined)
        return liveResource({ ...base, meta: { ...base.meta, [READ_FAILED_META]: 'ListEntityOwners' } });
      const normal: NormalDomainUnit =
        compact({
          description: got.value.description,
          owners: wantsOwners(dc.scope, unit.path) ? owners : undefined,
        }) ?? {};
      return liveResource({ ...base, normal, lastUpdatedAt: got.value.lastUpdatedAt });
    }),
  );
  return resources.filter((r): r is LiveResource => r !== undefined);
}
