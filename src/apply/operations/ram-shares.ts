/**
 * The RAM share of a domain for one access level: `DataZone-<domain>-<access>`, owned by the domain
 * account, holding the domain ARN and carrying the one permission of that access level (RAM
 * permissions are per share, so portal and api accounts need two shares). RAM share names are not
 * unique and CreateResourceShare has no natural key, so a share is always looked up by name first.
 */
import { randomUUID } from 'node:crypto';
import {
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  type RAMClient,
  type ResourceShare,
  type ResourceShareAssociation,
} from '@aws-sdk/client-ram';
import { collectPages } from '../../live/paginate.js';
import type { NormalAccountAssociation } from '../../model/normalized.js';
import { errorName } from '../retry.js';
import { ApplyError, type OperationContext } from '../types.js';
import { clientToken } from './dz-calls.js';

/** Access level of an association. */
export type Access = NormalAccountAssociation['access'];

/** The RAM managed permission of each access level (reference §10). */
export const PERMISSION_ARNS: Readonly<Record<Access, string>> = {
  portal: 'arn:aws:ram::aws:permission/AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceWithPortalAccess',
  api: 'arn:aws:ram::aws:permission/AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceAccess',
};

/** Association states in which the principal is (or is becoming) associated. */
export const LIVE_ASSOCIATION = new Set(['ASSOCIATED', 'ASSOCIATING']);

/** Where a domain's share of one access level lives, and the clients that own it. */
export interface ShareTarget {
  ram: RAMClient;
  /** `ctx.call` scope: `<domain account>/<region>`. */
  scope: string;
  domainName: string;
  domainArn: string;
  access: Access;
}

/** The share name of a domain and access level (the `DataZone` prefix is what AWS managed policies allow). */
export function shareName(domainName: string, access: Access): string {
  return `DataZone-${domainName}-${access}`;
}

/** The ACTIVE share of that name owned by the caller (the oldest when RAM holds duplicates), all pages read. */
export async function findShare(
  ctx: OperationContext,
  target: ShareTarget,
): Promise<ResourceShare | undefined> {
  const name = shareName(target.domainName, target.access);
  const shares = await collectPages((nextToken) =>
    ctx.call('GetResourceShares', target.scope, async () => {
      const out = await target.ram.send(
        new GetResourceSharesCommand({
          resourceOwner: 'SELF',
          name,
          resourceShareStatus: 'ACTIVE',
          nextToken,
        }),
      );
      return { items: out.resourceShares, nextToken: out.nextToken };
    }),
  );
  const matching = shares.filter((s) => s.name === name && s.status === 'ACTIVE' && s.resourceShareArn);
  matching.sort((a, b) => (a.creationTime?.getTime() ?? 0) - (b.creationTime?.getTime() ?? 0));
  return matching[0];
}

/** The principal associations of a share (optionally of one account), all pages read. */
export async function principalAssociations(
  ctx: OperationContext,
  target: Pick<ShareTarget, 'ram' | 'scope'>,
  shareArn: string,
  principal?: string,
): Promise<ResourceShareAssociation[]> {
  return collectPages((nextToken) =>
    ctx.call('GetResourceShareAssociations', target.scope, async () => {
      const out = await target.ram.send(
        new GetResourceShareAssociationsCommand({
          associationType: 'PRINCIPAL',
          resourceShareArns: [shareArn],
          principal,
          nextToken,
        }),
      );
      return { items: out.resourceShareAssociations, nextToken: out.nextToken };
    }),
  );
}

/** Whether the share's association with `resourceArn` (the domain) is ASSOCIATED yet. */
export async function resourceAssociated(
  ctx: OperationContext,
  target: Pick<ShareTarget, 'ram' | 'scope'>,
  shareArn: string,
  resourceArn: string,
): Promise<boolean> {
  const associations = await collectPages((nextToken) =>
    ctx.call('GetResourceShareAssociations', target.scope, async () => {
      const out = await target.ram.send(
        new GetResourceShareAssociationsCommand({
          associationType: 'RESOURCE',
          resourceShareArns: [shareArn],
          resourceArn,
          nextToken,
        }),
      );
      return { items: out.resourceShareAssociations, nextToken: out.nextToken };
    }),
  );
  return associations.some((a) => a.associatedEntity === resourceArn && a.status === 'ASSOCIATED');
}

/** The newest association of `account` with the share, if any. */
export async function associationOf(
  ctx: OperationContext,
  target: Pick<ShareTarget, 'ram' | 'scope'>,
  shareArn: string,
  account: string,
): Promise<ResourceShareAssociation | undefined> {
  const mine = (await principalAssociations(ctx, target, shareArn, account)).filter(
    (a) => a.associatedEntity === account,
  );
  mine.sort((a, b) => (b.lastUpdatedTime?.getTime() ?? 0) - (a.lastUpdatedTime?.getTime() ?? 0));
  return mine.find((a) => LIVE_ASSOCIATION.has(a.status ?? '')) ?? mine[0];
}

/**
 * How many deleted shares of this name RAM still lists for the caller: the generation of the next
 * share. Two runs that race to create the share count the same and so
 * send the same token; a share deleted and needed again gets a new one, so RAM does not replay
 * the deleted share's answer.
 */
async function shareGeneration(ctx: OperationContext, target: ShareTarget): Promise<number> {
  const name = shareName(target.domainName, target.access);
  const shares = await collectPages((nextToken) =>
    ctx.call('GetResourceShares', target.scope, async () => {
      const out = await target.ram.send(
        new GetResourceSharesCommand({ resourceOwner: 'SELF', name, nextToken }),
      );
      return { items: out.resourceShares, nextToken: out.nextToken };
    }),
  );
  // Only deleted ones count: a share another run has just created (ACTIVE) must not move the
  // generation, or the loser of the race would make a second share with a new token.
  return shares.filter((s) => s.name === name && s.status !== 'ACTIVE' && s.status !== 'PENDING').length;
}

/**
 * The client token of a share's creation, derived from what the share is (domain, access level,
 * generation), UUID-shaped as RAM recommends: concurrent and retried runs send the same token
 * with the same parameters, and RAM answers all of them with the one share.
 */
export function shareClientToken(domainArn: string, access: Access, generation: number): string {
  const hex = clientToken('RamShare', domainArn, access, String(generation));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** CreateResourceShare with the share's deterministic token; the ARN RAM answers (possibly a replay). */
async function createShare(
  ctx: OperationContext,
  target: ShareTarget,
  token: string,
): Promise<string | undefined> {
  const out = await ctx.call('CreateResourceShare', target.scope, () =>
    target.ram.send(
      new CreateResourceShareCommand({
        name: shareName(target.domainName, target.access),
        resourceArns: [target.domainArn],
        // No principal here: the request must be identical whichever account's change creates the
        // share (a token reused with other parameters is refused), so principals are added after.
        permissionArns: [PERMISSION_ARNS[target.access]],
        allowExternalPrincipals: true,
        clientToken: token,
      }),
    ),
  );
  return out.resourceShare?.status === 'DELETED' ? undefined : out.resourceShare?.resourceShareArn;
}

/**
 * Makes `account` a principal of the domain's share for the access level, creating the share when
 * there is none, and returns the share ARN. The create carries a token derived from the share's
 * identity, so a commit-then-fail is replayed, not duplicated, and two applies racing to create it
 * get the same share; should it still fail, the share is looked up again before the error is believed.
 */
export async function ensureSharedWith(
  ctx: OperationContext,
  target: ShareTarget,
  account: string,
): Promise<string> {
  const existing = await findShare(ctx, target);
  if (existing?.resourceShareArn) {
    await associatePrincipal(ctx, target, existing.resourceShareArn, account);
    return existing.resourceShareArn;
  }
  let arn: string | undefined;
  try {
    arn = await createShare(
      ctx,
      target,
      shareClientToken(target.domainArn, target.access, await shareGeneration(ctx, target)),
    );
  } catch (error) {
    const adopted = await findShare(ctx, target);
    if (!adopted?.resourceShareArn) throw error;
    ctx.log({ share: adopted.name, error: errorName(error) }, 'adopting the share after a failed create');
    arn = adopted.resourceShareArn;
  }
  // A replay of a share since deleted (RAM stopped listing it, so the generation went back): a
  // fresh token makes a new share; the lock keeps this run's changes of the share in turn.
  arn ??= await createShare(ctx, target, randomUUID());
  if (!arn) throw new ApplyError(`RAM share ${shareName(target.domainName, target.access)} has no ARN`);
  await associatePrincipal(ctx, target, arn, account);
  return arn;
}

/**
 * Adds the account (and the domain, should the share have lost it) to an existing share, unless the
 * account is already a live principal. Associating a live entity is a no-op in RAM, so a retry is safe.
 */
async function associatePrincipal(
  ctx: OperationContext,
  target: ShareTarget,
  shareArn: string,
  account: string,
): Promise<void> {
  const current = await associationOf(ctx, target, shareArn, account);
  if (current && LIVE_ASSOCIATION.has(current.status ?? '')) return;
  const clientToken = randomUUID();
  await ctx.call('AssociateResourceShare', target.scope, () =>
    target.ram.send(
      new AssociateResourceShareCommand({
        resourceShareArn: shareArn,
        resourceArns: [target.domainArn],
        principals: [account],
        clientToken,
      }),
    ),
  );
}

/**
 * Ends the account's association with the share: DeleteResourceShare when it is the share's last
 * live principal (read now, not from the plan: another change may have altered the share since),
 * else DisassociateResourceShare. Answers that mean "already done" (the entity or share is gone,
 * the share is already DELETED) are success: the caller waits for the final state anyway.
 */
export async function removeFromShare(
  ctx: OperationContext,
  target: Pick<ShareTarget, 'ram' | 'scope'>,
  shareArn: string,
  account: string,
): Promise<void> {
  let principals: ResourceShareAssociation[];
  try {
    principals = await principalAssociations(ctx, target, shareArn);
  } catch (error) {
    if (isGone(error)) return;
    throw error;
  }
  const live = principals.filter((p) => LIVE_ASSOCIATION.has(p.status ?? ''));
  if (!live.some((p) => p.associatedEntity === account)) return;
  const others = live.filter((p) => p.associatedEntity !== account);
  const clientToken = randomUUID();
  try {
    if (others.length === 0) {
      await ctx.call('DeleteResourceShare', target.scope, () =>
        target.ram.send(new DeleteResourceShareCommand({ resourceShareArn: shareArn, clientToken })),
      );
    } else {
      await ctx.call('DisassociateResourceShare', target.scope, () =>
        target.ram.send(
          new DisassociateResourceShareCommand({
            resourceShareArn: shareArn,
            principals: [account],
            clientToken,
          }),
        ),
      );
    }
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

/** RAM's answers for a share or entity that no longer exists (or a share already deleted). */
export function isGone(error: unknown): boolean {
  const name = errorName(error);
  return name === 'UnknownResourceException' || name === 'InvalidStateTransitionException';
}
