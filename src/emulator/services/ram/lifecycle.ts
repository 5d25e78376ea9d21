/**
 * Derived RAM states. Nothing here mutates: every status is a function of a record and the
 * emulated instant, so advancing the clock (or restarting from a state file) moves shares,
 * associations and invitations along without timers.
 */
import type { AssociationRecord, InvitationRecord, ShareRecord } from './state.js';

/** Invitations expire after seven days, as documented for DataZone account associations. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Modelled ResourceShareStatus values the emulator produces. */
export type ShareStatus = 'ACTIVE' | 'DELETED';

/** Modelled ResourceShareAssociationStatus values the emulator produces. */
export type AssociationStatus = 'ASSOCIATING' | 'ASSOCIATED' | 'FAILED' | 'DISASSOCIATING' | 'DISASSOCIATED';

/** Modelled ResourceShareInvitationStatus values the emulator produces. */
export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'EXPIRED';

/** A share is ACTIVE from creation (RAM answers ACTIVE at once) until deleted. */
export function shareStatus(share: ShareRecord): ShareStatus {
  return share.deletedAt === undefined ? 'ACTIVE' : 'DELETED';
}

/** PENDING until accepted or seven days old; a withdrawn invitation is not listed at all. */
export function invitationStatus(invitation: InvitationRecord, now: number): InvitationStatus {
  if (invitation.acceptedAt !== undefined) return 'ACCEPTED';
  return now >= invitation.createdAt + INVITATION_TTL_MS ? 'EXPIRED' : 'PENDING';
}

/**
 * ASSOCIATING → ASSOCIATED once `associatedAt` has passed; an external principal whose
 * invitation expired unaccepted is FAILED; a disassociation runs DISASSOCIATING → DISASSOCIATED.
 */
export function associationStatus(
  association: AssociationRecord,
  now: number,
  invitation?: InvitationRecord,
): AssociationStatus {
  if (association.disassociatedAt !== undefined) {
    return now >= association.disassociatedAt ? 'DISASSOCIATED' : 'DISASSOCIATING';
  }
  if (association.associatedAt !== undefined && now >= association.associatedAt) return 'ASSOCIATED';
  if (invitation && invitationStatus(invitation, now) === 'EXPIRED') return 'FAILED';
  return 'ASSOCIATING';
}

/** The latest phase change that has already happened: the association's lastUpdatedTime. */
export function associationUpdatedAt(
  association: AssociationRecord,
  now: number,
  invitation?: InvitationRecord,
): number {
  const instants = [
    association.createdAt,
    association.associatedAt,
    association.disassociateRequestedAt,
    association.disassociatedAt,
    invitation && invitationStatus(invitation, now) === 'EXPIRED'
      ? invitation.createdAt + INVITATION_TTL_MS
      : undefined,
  ].filter((t): t is number => t !== undefined && t <= now);
  return Math.max(...instants);
}
