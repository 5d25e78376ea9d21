/**
 * Carries out changes to domain units. A unit's path names it: the last segment is its name, the
 * rest its parent (the root unit for a top-level unit). A create looks the name up under the
 * parent first and adopts a match; CreateDomainUnit carries a client token derived from the
 * domain, parent and name (plus the replaced unit's id, so a recreated unit gets a new token), and
 * a conflict or lost answer is resolved by looking the name up again. Deletes run children first
 * (the executor orders them), and a unit already gone counts as deleted.
 */
import {
  CreateDomainUnitCommand,
  DeleteDomainUnitCommand,
  GetDomainUnitCommand,
  ListDomainUnitsForParentCommand,
  UpdateDomainUnitCommand,
} from '@aws-sdk/client-datazone';
import { assertNever } from '../../model/manifest.js';
import type { NormalDomainUnit } from '../../model/normalized.js';
import { ApplyError, type Operation, type OperationContext } from '../types.js';
import { clientToken, deleteTolerant, domainRef, listAll, unitId, type DomainRef } from './dz-calls.js';
import { createOrAdopt, exactMatch } from './dz-named.js';

/** A unit path split into its parent path ('' for the root) and its own name. */
export function splitUnitPath(path: string): { parent: string; name: string } {
  const segments = path.split('/');
  return { parent: segments.slice(0, -1).join('/'), name: segments[segments.length - 1] ?? '' };
}

async function findUnit(
  ctx: OperationContext,
  d: DomainRef,
  parentId: string,
  name: string,
): Promise<string | undefined> {
  const items = await listAll(ctx, 'ListDomainUnitsForParent', d.scope, (nextToken) =>
    d.clients.dataZone.send(
      new ListDomainUnitsForParentCommand({
        domainIdentifier: d.id,
        parentDomainUnitIdentifier: parentId,
        nextToken,
      }),
    ),
  );
  return exactMatch(items, name, 'domain unit');
}

/** Sets the description when it differs (reads the unit first: an adopted unit's value is unknown). */
async function updateUnit(
  ctx: OperationContext,
  d: DomainRef,
  id: string,
  desired: NormalDomainUnit,
): Promise<void> {
  const got = await ctx.call('GetDomainUnit', d.scope, () =>
    d.clients.dataZone.send(new GetDomainUnitCommand({ domainIdentifier: d.id, identifier: id })),
  );
  if ((got.description || undefined) === desired.description) return;
  await ctx.call('UpdateDomainUnit', d.scope, () =>
    d.clients.dataZone.send(
      // '' clears a description the manifest no longer sets.
      new UpdateDomainUnitCommand({
        domainIdentifier: d.id,
        identifier: id,
        description: desired.description ?? '',
      }),
    ),
  );
}

async function ensureUnit(
  ctx: OperationContext,
  d: DomainRef,
  path: string,
  desired: NormalDomainUnit,
  generation: string,
): Promise<void> {
  const { parent, name } = splitUnitPath(path);
  const parentId = unitId(ctx, d, parent);
  const { id, adopted } = await createOrAdopt({
    find: () => findUnit(ctx, d, parentId, name),
    async create() {
      const out = await ctx.call('CreateDomainUnit', d.scope, () =>
        d.clients.dataZone.send(
          new CreateDomainUnitCommand({
            domainIdentifier: d.id,
            parentDomainUnitIdentifier: parentId,
            name,
            description: desired.description,
            clientToken: clientToken('DomainUnit', d.id, parentId, name, generation),
          }),
        ),
      );
      if (!out.id) throw new ApplyError(`CreateDomainUnit of ${path} answered no id`);
      return out.id;
    },
  });
  ctx.ids.set('DomainUnit', d.name, path, id);
  if (adopted) await updateUnit(ctx, d, id, desired);
}

async function deleteUnit(ctx: OperationContext, d: DomainRef, path: string, id: string): Promise<void> {
  await deleteTolerant(() =>
    ctx.call('DeleteDomainUnit', d.scope, () =>
      d.clients.dataZone.send(new DeleteDomainUnitCommand({ domainIdentifier: d.id, identifier: id })),
    ),
  );
  ctx.ids.delete('DomainUnit', d.name, path);
}

/** Create, update, replace or delete one domain-unit. */
export const domainUnitOperation: Operation = async ({ change, desired, live }, ctx) => {
  const path = change.address.name;
  const d = domainRef(ctx, change.address.domain ?? '');
  const liveId = live?.id ?? change.id ?? ctx.ids.get('DomainUnit', d.name, path);
  const normal = (desired?.normal ?? {}) as NormalDomainUnit;
  switch (change.action) {
    case 'create':
      return ensureUnit(ctx, d, path, normal, '');
    case 'update':
      if (!liveId) return ensureUnit(ctx, d, path, normal, '');
      ctx.ids.set('DomainUnit', d.name, path, liveId);
      return updateUnit(ctx, d, liveId, normal);
    case 'replace':
      if (liveId) await deleteUnit(ctx, d, path, liveId);
      return ensureUnit(ctx, d, path, normal, liveId ?? 'replace');
    case 'delete':
      if (liveId) await deleteUnit(ctx, d, path, liveId);
      return;
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(change.action);
  }
};
