/**
 * Waiting for a RAM principal association to settle. An account in the organisation becomes
 * ASSOCIATED by itself; an account outside it stays ASSOCIATING until it accepts the invitation,
 * which only the account itself can do, so the tool acts as that account (its AccountAssociation's
 * assumeRoleArn) to accept it (reference §10, flow step 3).
 */
import { randomUUID } from 'node:crypto';
import {
  AcceptResourceShareInvitationCommand,
  GetResourceShareInvitationsCommand,
  type ResourceShareAssociation,
} from '@aws-sdk/client-ram';
import type { AwsClients } from '../../aws/clients.js';
import { collectPages } from '../../live/paginate.js';
import { errorName } from '../retry.js';
import { ApplyError, type OperationContext } from '../types.js';
import { associationOf, isGone, resourceAssociated, type ShareTarget } from './ram-shares.js';

/** Who the association is for, and how to act as that account. */
export interface Principal {
  account: string;
  /** The domain (by name) whose AccountAssociation declares the account's role. */
  domain: string;
  region: string;
}

/** Polls until the account is ASSOCIATED with the share, accepting its invitation when it is external. */
export async function waitAssociated(
  ctx: OperationContext,
  target: Pick<ShareTarget, 'ram' | 'scope' | 'domainArn'>,
  shareArn: string,
  principal: Principal,
): Promise<void> {
  let accepted = false;
  // The account can use the domain only once the share holds the domain too: a new share's
  // resource association goes through ASSOCIATING like its principals (an accepted invitation can
  // finish first).
  await ctx.waitFor(`RAM association of ${target.domainArn} with ${shareArn}`, async () =>
    (await resourceAssociated(ctx, target, shareArn, target.domainArn)) ? true : undefined,
  );
  await ctx.waitFor(`RAM association of account ${principal.account} (${shareArn})`, async () => {
    let association = await associationOf(ctx, target, shareArn, principal.account);
    if (association?.status === 'ASSOCIATING' && association.external === true && !accepted) {
      accepted = await acceptInvitation(ctx, shareArn, principal);
      // Accepting is immediate for RAM: look again now rather than one poll interval later.
      if (accepted) association = await associationOf(ctx, target, shareArn, principal.account);
    }
    return settled(association, principal.account);
  });
}

/** True when associated, undefined while in progress (or not visible yet); throws on a dead end. */
function settled(association: ResourceShareAssociation | undefined, account: string): true | undefined {
  const status = association?.status;
  if (status === undefined || status === 'ASSOCIATING') return undefined;
  if (status === 'ASSOCIATED') return true;
  const why = association?.statusMessage ? `: ${association.statusMessage}` : '';
  throw new ApplyError(`the RAM association of account ${account} is ${status}${why}`);
}

/**
 * Accepts the account's PENDING invitation to the share, acting as the account. False when the
 * invitation is not visible yet (the next poll tries again).
 */
async function acceptInvitation(
  ctx: OperationContext,
  shareArn: string,
  principal: Principal,
): Promise<boolean> {
  let clients: AwsClients;
  try {
    clients = ctx.inAccount(principal.domain, principal.account, principal.region);
  } catch (error) {
    throw new ApplyError(
      `account ${principal.account} is outside the organisation and must accept the RAM invitation; ` +
        `declare spec.assumeRoleArn on its AccountAssociation so the tool can accept it`,
      { cause: error },
    );
  }
  const scope = `${principal.account}/${principal.region}`;
  const invitations = await collectPages((nextToken) =>
    ctx.call('GetResourceShareInvitations', scope, async () => {
      const out = await clients.ram.send(
        new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn], nextToken }),
      );
      return { items: out.resourceShareInvitations, nextToken: out.nextToken };
    }),
  );
  const pending = invitations.find((i) => i.status === 'PENDING' && i.resourceShareArn === shareArn);
  if (!pending?.resourceShareInvitationArn) return false;
  const invitationArn = pending.resourceShareInvitationArn;
  const clientToken = randomUUID();
  try {
    await ctx.call('AcceptResourceShareInvitation', scope, () =>
      clients.ram.send(
        new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn, clientToken }),
      ),
    );
  } catch (error) {
    // A retried accept whose first attempt went through.
    if (errorName(error) !== 'ResourceShareInvitationAlreadyAcceptedException') throw error;
  }
  ctx.log({ account: principal.account, share: shareArn }, 'accepted the RAM invitation');
  return true;
}

/** Polls until the account is no longer a live principal of the share (DISASSOCIATED, or gone). */
export async function waitDisassociated(
  ctx: OperationContext,
  target: Pick<ShareTarget, 'ram' | 'scope'>,
  shareArn: string,
  account: string,
): Promise<void> {
  await ctx.waitFor(`RAM disassociation of account ${account} (${shareArn})`, async () => {
    let association;
    try {
      association = await associationOf(ctx, target, shareArn, account);
    } catch (error) {
      if (isGone(error)) return true;
      throw error;
    }
    const status = association?.status;
    return status === undefined || status === 'DISASSOCIATED' || status === 'FAILED' ? true : undefined;
  });
}
