/**
 * The receiver's side of sharing with an account outside the organisation:
 * GetResourceShareInvitations lists what the calling account received, and
 * AcceptResourceShareInvitation (by the receiver only) turns its association ASSOCIATED at once.
 * An invitation withdrawn before acceptance (principal disassociated, share deleted) is gone.
 */
import { EmulatorServiceError, type EmulatorWorld, type OperationHandler } from '../../types.js';
import { requireArn } from './arns.js';
import { withClientToken } from './idempotency.js';
import { invitationStatus } from './lifecycle.js';
import { ramPage } from './paging.js';
import { ramState, type InvitationRecord } from './state.js';
import { invitationView } from './views.js';

function notFound(arn: string): EmulatorServiceError {
  return new EmulatorServiceError(
    'ResourceShareInvitationArnNotFoundException',
    `The invitation ${arn} could not be found.`,
  );
}

/** GetResourceShareInvitations: the invitations the caller received in its region. */
export function getResourceShareInvitations(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = ramState(world);
    const received = Object.values(state.invitations).filter(
      (i) => i.receiverAccountId === ctx.accountId && i.region === ctx.region && i.withdrawnAt === undefined,
    );
    let items: InvitationRecord[] = received;
    if (Array.isArray(input.resourceShareInvitationArns) && input.resourceShareInvitationArns.length > 0) {
      const wanted = input.resourceShareInvitationArns.map(String);
      for (const arn of wanted) {
        requireArn(arn, 'invitation ARN');
        if (!received.some((i) => i.arn === arn)) throw notFound(arn);
      }
      items = items.filter((i) => wanted.includes(i.arn));
    }
    if (Array.isArray(input.resourceShareArns) && input.resourceShareArns.length > 0) {
      const wanted = input.resourceShareArns.map(String);
      wanted.forEach((arn) => requireArn(arn, 'resource share ARN'));
      items = items.filter((i) => wanted.includes(i.shareArn));
    }
    const { nextToken: _n, maxResults: _m, ...filters } = input;
    const page = ramPage(
      items,
      input,
      ctx,
      `GetResourceShareInvitations:${JSON.stringify(filters)}`,
      (i) => i.arn,
      (i) => [i.createdAt, i.seq ?? 0],
    );
    const now = ctx.now().getTime();
    return {
      resourceShareInvitations: page.items.map((i) => invitationView(state, i, now)),
      nextToken: page.nextToken,
    };
  };
}

/** AcceptResourceShareInvitation: the receiver accepts; its principal association is ASSOCIATED from now. */
export function acceptResourceShareInvitation(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = ramState(world);
    return withClientToken(state, 'AcceptResourceShareInvitation', input, ctx, (clientToken) => {
      const arn = String(input.resourceShareInvitationArn);
      requireArn(arn, 'invitation ARN');
      const invitation = state.invitations[arn];
      if (!invitation || invitation.withdrawnAt !== undefined || invitation.region !== ctx.region)
        throw notFound(arn);
      if (invitation.receiverAccountId !== ctx.accountId) {
        throw new EmulatorServiceError(
          'OperationNotPermittedException',
          `Only the receiving account ${invitation.receiverAccountId} can accept the invitation ${arn}.`,
        );
      }
      const now = ctx.now().getTime();
      const status = invitationStatus(invitation, now);
      if (status === 'ACCEPTED') {
        throw new EmulatorServiceError(
          'ResourceShareInvitationAlreadyAcceptedException',
          `The invitation ${arn} was already accepted.`,
        );
      }
      if (status === 'EXPIRED') {
        throw new EmulatorServiceError(
          'ResourceShareInvitationExpiredException',
          `The invitation ${arn} has expired.`,
        );
      }
      invitation.acceptedAt = now;
      for (const association of Object.values(state.associations)) {
        if (association.invitationArn === arn) association.associatedAt = now;
      }
      return { resourceShareInvitation: invitationView(state, invitation, now), clientToken };
    });
  };
}
