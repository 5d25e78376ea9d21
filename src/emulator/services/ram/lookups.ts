/**
 * Find-or-throw helpers for resource shares. A share is invisible (UnknownResourceException) to
 * an account that neither owns it nor is associated with it, and only its owner may change it:
 * another account asking to modify it gets the same UnknownResourceException, so the emulator
 * never reveals that someone else's share exists (a documented choice, see docs/emulator/ram.md).
 */
import { EmulatorServiceError, type CallContext } from '../../types.js';
import { requireArn } from './arns.js';
import { associationStatus, shareStatus } from './lifecycle.js';
import { associationKey, type RamState, type ShareRecord } from './state.js';

function unknownShare(arn: string): EmulatorServiceError {
  return new EmulatorServiceError(
    'UnknownResourceException',
    `The resource share ${arn} could not be found.`,
  );
}

/** The share named by `arn` if the caller owns it (in the caller's region). */
export function findOwnedShare(state: RamState, arn: string, ctx: CallContext): ShareRecord {
  requireArn(arn, 'resource share ARN');
  const share = state.shares[arn];
  if (!share || share.owningAccountId !== ctx.accountId || share.region !== ctx.region)
    throw unknownShare(arn);
  return share;
}

/** As findOwnedShare, and the share must not be DELETED (InvalidStateTransitionException). */
export function findModifiableShare(state: RamState, arn: string, ctx: CallContext): ShareRecord {
  const share = findOwnedShare(state, arn, ctx);
  if (shareStatus(share) === 'DELETED') {
    throw new EmulatorServiceError(
      'InvalidStateTransitionException',
      `The resource share ${arn} is in the DELETED state and cannot be changed.`,
    );
  }
  return share;
}

/** True when `accountId` is an ASSOCIATED principal of the share at `now`. */
export function isPrincipalOf(state: RamState, share: ShareRecord, accountId: string, now: number): boolean {
  const association = state.associations[associationKey(share.arn, 'PRINCIPAL', accountId)];
  if (!association) return false;
  const invitation = association.invitationArn ? state.invitations[association.invitationArn] : undefined;
  return associationStatus(association, now, invitation) === 'ASSOCIATED';
}

/** The share named by `arn` if the caller owns it or is an ASSOCIATED principal of it. */
export function findVisibleShare(state: RamState, arn: string, ctx: CallContext): ShareRecord {
  requireArn(arn, 'resource share ARN');
  const share = state.shares[arn];
  if (!share || share.region !== ctx.region) throw unknownShare(arn);
  if (share.owningAccountId === ctx.accountId) return share;
  if (shareStatus(share) === 'ACTIVE' && isPrincipalOf(state, share, ctx.accountId, ctx.now().getTime()))
    return share;
  throw unknownShare(arn);
}
