/**
 * RAM's slice of the emulator world: resource shares, their associations (one record per
 * share × principal or share × resource), the invitations sent to accounts outside the
 * organisation, and the clientToken idempotency ledger. Instants are epoch milliseconds so the
 * world stays plain JSON. As in DataZone's slice, async states are not stored as a "current
 * status": a record keeps the instants at which it enters each phase, and readers derive the
 * status from the emulated clock (see lifecycle.ts), so a clock jump or a restart from a state
 * file needs no timer.
 */
import type { EmulatorWorld } from '../../types.js';

/** A resource share, owned by one account in one region. */
export interface ShareRecord {
  arn: string;
  name: string;
  owningAccountId: string;
  region: string;
  allowExternalPrincipals: boolean;
  tags: { key: string; value: string }[];
  /** Exactly one permission per resource type (only `datazone:Domain` is known to the emulator). */
  permissionArns: string[];
  resourceShareConfiguration?: { retainSharingOnAccountLeaveOrganization?: boolean };
  createdAt: number;
  /**
   * The share's place in creation order. RAM lists shares in creation order; two creates in one
   * millisecond share a `createdAt`, and the ARN (random) would then order them. Absent in state
   * files written before it: such shares sort first among their millisecond.
   */
  seq?: number;
  lastUpdatedAt: number;
  /** Set by DeleteResourceShare: the share is DELETED from this instant on (and still listed). */
  deletedAt?: number;
}

/** Whether an association names a principal (account id) or a resource (ARN). */
export type AssociationType = 'PRINCIPAL' | 'RESOURCE';

/** One principal or resource in one share. Re-associating after a disassociation resets it. */
export interface AssociationRecord {
  shareArn: string;
  type: AssociationType;
  /** Account id for a principal, ARN for a resource. */
  entity: string;
  /** True for a principal outside the organisation (it needs an accepted invitation). */
  external: boolean;
  createdAt: number;
  /** Its place in creation order, as ShareRecord.seq (RAM lists associations in creation order). */
  seq?: number;
  /**
   * Instant from which the association is ASSOCIATED. For in-organisation principals and for
   * resources it is fixed at association time (now + ramAssociate); for an external principal it
   * stays unset until the receiver accepts the invitation.
   */
  associatedAt?: number;
  /** The invitation an external principal must accept. */
  invitationArn?: string;
  /** Set by DisassociateResourceShare / DeleteResourceShare: DISASSOCIATING from here… */
  disassociateRequestedAt?: number;
  /** …and DISASSOCIATED from here on. */
  disassociatedAt?: number;
}

/** An invitation to an account outside the organisation. Status derives from the clock. */
export interface InvitationRecord {
  arn: string;
  shareArn: string;
  senderAccountId: string;
  receiverAccountId: string;
  region: string;
  createdAt: number;
  /** Its place in creation order, as ShareRecord.seq. */
  seq?: number;
  acceptedAt?: number;
  /** Set when the principal is disassociated or the share deleted before acceptance. */
  withdrawnAt?: number;
}

/** A remembered mutating call, for clientToken idempotency. */
export interface IdempotencyRecord {
  /** Canonical JSON of the input without the token. */
  fingerprint: string;
  /** The answer, JSON-encoded with dates tagged (see idempotency.ts). */
  result: unknown;
}

/** RAM state, keyed for direct lookups. */
export interface RamState {
  shares: Record<string, ShareRecord>;
  /** Keyed by `associationKey(shareArn, type, entity)`. */
  associations: Record<string, AssociationRecord>;
  invitations: Record<string, InvitationRecord>;
  /** Keyed by `${operation}|${accountId}|${clientToken}`. */
  idempotency: Record<string, IdempotencyRecord>;
  /**
   * The last `seq` given to a share, association or invitation (absent: none numbered yet). Named
   * for shares, which were numbered first; state files keep the name.
   */
  shareSeq?: number;
}

/** The next place in creation order (one sequence for every RAM record). */
export function nextSeq(state: RamState): number {
  state.shareSeq = (state.shareSeq ?? 0) + 1;
  return state.shareSeq;
}

/** Returns RAM's slice of the world, creating it empty on first use (or over the old stub `{}`). */
export function ramState(world: EmulatorWorld): RamState {
  const existing = world.services.ram as Partial<RamState> | undefined;
  if (existing && existing.shares) return existing as RamState;
  const fresh: RamState = { shares: {}, associations: {}, invitations: {}, idempotency: {} };
  world.services.ram = fresh;
  return fresh;
}

/** The key of an association record. */
export function associationKey(shareArn: string, type: AssociationType, entity: string): string {
  return `${shareArn}|${type}|${entity}`;
}

/** The associations of one share, of one type. */
export function associationsOf(
  state: RamState,
  shareArn: string,
  type?: AssociationType,
): AssociationRecord[] {
  return Object.values(state.associations).filter(
    (a) => a.shareArn === shareArn && (type === undefined || a.type === type),
  );
}
