/**
 * Brings a domain unit's owners to the declared set (issue 15). Live owners are listed by profile
 * id and named with the live reader's resolver, so both sides compare as the plan compared them.
 * Missing owners are added before undeclared ones are removed: DataZone refuses to remove a unit's
 * last owner, and adding first means the unit always keeps one. The tool's own ownership (DataZone
 * makes the creator an owner) is kept unless declared, as for project memberships.
 */
import {
  AddEntityOwnerCommand,
  ListEntityOwnersCommand,
  RemoveEntityOwnerCommand,
  type OwnerProperties,
  type OwnerPropertiesOutput,
} from '@aws-sdk/client-datazone';
import { MemberNames } from '../../live/members.js';
import { ReadContext } from '../../live/read-context.js';
import { ApplyError, type OperationContext } from '../types.js';
import { deleteTolerant, listAll, type DomainRef } from './dz-calls.js';
import { callerMember } from './project-members.js';

interface LiveOwner {
  label: string;
  owner: OwnerPropertiesOutput;
}

/** The API's owner union for a manifest-form owner (`user:x` / `group:x`). */
export function ownerInput(label: string): OwnerProperties {
  if (label.startsWith('user:')) return { user: { userIdentifier: label.slice('user:'.length) } };
  if (label.startsWith('group:')) return { group: { groupIdentifier: label.slice('group:'.length) } };
  throw new ApplyError(`owner ${label} is neither user:<identifier> nor group:<name>`);
}

/** A live owner as the API's input union, by profile id (what the list answered). */
function ownerOfOutput(owner: OwnerPropertiesOutput): OwnerProperties {
  if (owner.user?.userId) return { user: { userIdentifier: owner.user.userId } };
  if (owner.group?.groupId) return { group: { groupIdentifier: owner.group.groupId } };
  throw new ApplyError('a live owner names neither a user nor a group');
}

async function liveOwners(ctx: OperationContext, d: DomainRef, unitId: string): Promise<LiveOwner[]> {
  const items = await listAll(ctx, 'ListEntityOwners', d.scope, async (nextToken) => {
    const out = await d.clients.dataZone.send(
      new ListEntityOwnersCommand({
        domainIdentifier: d.id,
        entityType: 'DOMAIN_UNIT',
        entityIdentifier: unitId,
        nextToken,
      }),
    );
    return { items: out.owners, nextToken: out.nextToken };
  });
  // Profile reads go through ctx.call (budgeted and retried), one resolver per operation name.
  const resolver = (operation: string) => {
    const read = new ReadContext((task) => ctx.call(operation, d.scope, task));
    return { read, names: new MemberNames(read) };
  };
  const users = resolver('GetUserProfile');
  const groups = resolver('GetGroupProfile');
  return Promise.all(
    items.map(async (owner): Promise<LiveOwner> => {
      const { read, names } = owner.group ? groups : users;
      const details = owner.user
        ? { user: { userId: owner.user.userId ?? '' } }
        : { group: { groupId: owner.group?.groupId ?? '' } };
      const label = await names.resolve(d.clients, d.id, details);
      if (label === undefined) {
        const why = read.failures.map((f) => f.message).join('; ');
        throw new ApplyError(`cannot name an owner of domain unit ${unitId} in domain ${d.name}: ${why}`);
      }
      return { label, owner };
    }),
  );
}

/** Adds, then removes, owners until the unit's owners are `declared` (plus the tool's own). */
export async function reconcileOwners(
  ctx: OperationContext,
  d: DomainRef,
  unitId: string,
  declared: readonly string[],
): Promise<void> {
  const [live, caller] = await Promise.all([liveOwners(ctx, d, unitId), callerMember(ctx, d)]);
  const have = new Set(live.map((o) => o.label));
  for (const label of declared.filter((o) => !have.has(o))) {
    // Adding an existing owner is a no-op, so a retried add makes no duplicate.
    await ctx.call('AddEntityOwner', d.scope, () =>
      d.clients.dataZone.send(
        new AddEntityOwnerCommand({
          domainIdentifier: d.id,
          entityType: 'DOMAIN_UNIT',
          entityIdentifier: unitId,
          owner: ownerInput(label),
        }),
      ),
    );
  }
  const remove = live.filter((o) => !declared.includes(o.label) && o.label !== caller);
  for (const o of remove) {
    await deleteTolerant(() =>
      ctx.call('RemoveEntityOwner', d.scope, () =>
        d.clients.dataZone.send(
          new RemoveEntityOwnerCommand({
            domainIdentifier: d.id,
            entityType: 'DOMAIN_UNIT',
            entityIdentifier: unitId,
            owner: ownerOfOutput(o.owner),
          }),
        ),
      ),
    );
  }
}
