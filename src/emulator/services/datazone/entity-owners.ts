/**
 * Owners of a domain unit (AddEntityOwner, RemoveEntityOwner, ListEntityOwners; the model's only
 * entity type is DOMAIN_UNIT). A unit starts owned by its creator, as DataZone records on create
 * (the root unit by the domain's creator). Adding an owner twice keeps one entry; removing the
 * last owner is refused with ConflictException so that a unit is never left unowned
 * (docs/emulator/decisions.md).
 */
import type {
  AddEntityOwnerInput,
  ListEntityOwnersInput,
  RemoveEntityOwnerInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { findDomain, findUnit, requireAvailable } from './lookups.js';
import { resolveGroup, resolveUser } from './principals.js';
import type { DomainRecord, DomainUnitRecord, EntityOwnerRecord } from './state.js';

/** The unit's owners (its creator until owners were changed). */
export function ownersOf(unit: DomainUnitRecord): EntityOwnerRecord[] {
  return unit.owners ?? [{ user: unit.createdBy }];
}

/** The owners in the output union's shape. */
export function ownersView(unit: DomainUnitRecord) {
  return ownersOf(unit).map((o) =>
    'user' in o ? { user: { userId: o.user } } : { group: { groupId: o.group } },
  );
}

function same(a: EntityOwnerRecord, b: EntityOwnerRecord): boolean {
  return 'user' in a ? 'user' in b && a.user === b.user : 'group' in b && a.group === b.group;
}

function ownerRecord(
  call: DzCall,
  domain: DomainRecord,
  owner: AddEntityOwnerInput['owner'],
  create: boolean,
): EntityOwnerRecord {
  if (owner?.user) return { user: resolveUser(call, domain.id, owner.user.userIdentifier ?? '', create).id };
  return { group: resolveGroup(call, domain.id, owner?.group?.groupIdentifier ?? '', create).id };
}

function targetUnit(
  call: DzCall,
  input: { domainIdentifier?: string; entityIdentifier?: string },
  access: 'owner' | 'member',
) {
  const domain = findDomain(call, input.domainIdentifier ?? '', access);
  return { domain, unit: findUnit(call, domain, input.entityIdentifier ?? '') };
}

const addEntityOwner: DzHandler<AddEntityOwnerInput> = (input, call) => {
  const { domain, unit } = targetUnit(call, input, 'owner');
  requireAvailable(call, domain);
  const owner = ownerRecord(call, domain, input.owner, true);
  const owners = ownersOf(unit);
  if (!owners.some((o) => same(o, owner))) unit.owners = [...owners, owner];
  return {};
};

const removeEntityOwner: DzHandler<RemoveEntityOwnerInput> = (input, call) => {
  const { domain, unit } = targetUnit(call, input, 'owner');
  requireAvailable(call, domain);
  const owner = ownerRecord(call, domain, input.owner, false);
  const owners = ownersOf(unit);
  if (!owners.some((o) => same(o, owner)))
    fail('ResourceNotFoundException', 'The owner is not an owner of this entity.');
  if (owners.length === 1) fail('ConflictException', `Domain unit ${unit.id} must keep at least one owner.`);
  unit.owners = owners.filter((o) => !same(o, owner));
  return {};
};

const listEntityOwners: DzHandler<ListEntityOwnersInput> = (input, call) => {
  const { domain, unit } = targetUnit(call, input, 'member');
  const items = ownersView(unit);
  const page = paginate(
    items,
    input,
    pageOptions(call, `${domain.id}:${unit.id}`, (o) =>
      o.user ? `u:${o.user.userId}` : `g:${o.group?.groupId ?? ''}`,
    ),
  );
  return { owners: page.items, nextToken: page.nextToken };
};

/** Entity owner handlers by operation name. */
export const entityOwnerHandlers = {
  AddEntityOwner: addEntityOwner,
  RemoveEntityOwner: removeEntityOwner,
  ListEntityOwners: listEntityOwners,
};
