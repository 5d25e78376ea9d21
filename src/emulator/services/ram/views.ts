/**
 * Renders RAM records as the model's output shapes, with the derived statuses of the instant and
 * timestamps as Date (the wire layer writes them as epoch seconds).
 */
import { associationStatus, associationUpdatedAt, invitationStatus, shareStatus } from './lifecycle.js';
import type { AssociationRecord, InvitationRecord, RamState, ShareRecord } from './state.js';

/** A `ResourceShare`. */
export function shareView(share: ShareRecord): Record<string, unknown> {
  return {
    resourceShareArn: share.arn,
    name: share.name,
    owningAccountId: share.owningAccountId,
    allowExternalPrincipals: share.allowExternalPrincipals,
    status: shareStatus(share),
    tags: share.tags.map((t) => ({ ...t })),
    creationTime: new Date(share.createdAt),
    lastUpdatedTime: new Date(share.lastUpdatedAt),
    featureSet: 'STANDARD',
    ...(share.resourceShareConfiguration
      ? { resourceShareConfiguration: { ...share.resourceShareConfiguration } }
      : {}),
  };
}

const STATUS_MESSAGES: Partial<Record<ReturnType<typeof associationStatus>, string>> = {
  FAILED: 'The invitation to share this resource share expired before it was accepted.',
};

/** A `ResourceShareAssociation`. */
export function associationView(
  state: RamState,
  association: AssociationRecord,
  now: number,
): Record<string, unknown> {
  const share = state.shares[association.shareArn];
  const invitation = association.invitationArn ? state.invitations[association.invitationArn] : undefined;
  const status = associationStatus(association, now, invitation);
  return {
    resourceShareArn: association.shareArn,
    resourceShareName: share?.name,
    associatedEntity: association.entity,
    associationType: association.type,
    status,
    ...(STATUS_MESSAGES[status] ? { statusMessage: STATUS_MESSAGES[status] } : {}),
    creationTime: new Date(association.createdAt),
    lastUpdatedTime: new Date(associationUpdatedAt(association, now, invitation)),
    external: association.external,
  };
}

/** A `ResourceShareInvitation` (without the deprecated resourceShareAssociations member). */
export function invitationView(
  state: RamState,
  invitation: InvitationRecord,
  now: number,
): Record<string, unknown> {
  return {
    resourceShareInvitationArn: invitation.arn,
    resourceShareName: state.shares[invitation.shareArn]?.name,
    resourceShareArn: invitation.shareArn,
    senderAccountId: invitation.senderAccountId,
    receiverAccountId: invitation.receiverAccountId,
    invitationTimestamp: new Date(invitation.createdAt),
    status: invitationStatus(invitation, now),
  };
}
