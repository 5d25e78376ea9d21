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
import type { NormalDomainUnit } from '../../model/normalized.js';
import type { Operation } from '../types.js';
import { clientToken, listAll, unitId } from './dz-calls.js';
import { exactMatch } from './dz-named.js';
import { reconcileOwners } from './unit-owners.js';
import {
  createdId,
  deleteCall,
  ensureNamed,
  namedOperation,
  type NamedTarget,
} from './dz-named-operation.js';

/** A unit path split into its parent path ('' for the root) and its own name. */
export function splitUnitPath(path: string): { parent: string; name: string } {
  const segments = path.split('/');
  return { parent: segments.slice(0, -1).join('/'), name: segments[segments.length - 1] ?? '' };
}

async function findUnit(
  { ctx, d }: NamedTarget,
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

/** Sets the description when it differs (reads the unit first: an adopted unit's value is unknown), then the owners. */
async function updateUnit({ ctx, d }: NamedTarget, id: string, desired: NormalDomainUnit): Promise<void> {
  // Owners are managed only when declared (absent: whoever owns the unit stays).
  if (desired.owners) await reconcileOwners(ctx, d, id, desired.owners);
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

async function ensureUnit(target: NamedTarget, desired: NormalDomainUnit, generation: string): Promise<void> {
  const { ctx, d, name: path } = target;
  const { parent, name } = splitUnitPath(path);
  const parentId = unitId(ctx, d, parent);
  return ensureNamed(target, {
    find: () => findUnit(target, parentId, name),
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
      const id = createdId(out, 'CreateDomainUnit', path);
      if (desired.owners) await reconcileOwners(ctx, d, id, desired.owners);
      return id;
    },
    update: (id) => updateUnit(target, id, desired),
  });
}

/** Create, update, replace or delete one domain-unit. */
export const domainUnitOperation: Operation = namedOperation<NormalDomainUnit>({
  kind: 'DomainUnit',
  // A unit's spec is optional: no manifest value means no description.
  desired: (input) => (input.desired?.normal ?? {}) as NormalDomainUnit,
  ensure: ensureUnit,
  update: updateUnit,
  remove: deleteCall('DeleteDomainUnit', (d, request) =>
    d.clients.dataZone.send(new DeleteDomainUnitCommand(request)),
  ),
});
