/**
 * What may go into a share, and the bookkeeping of adding and removing it. Resources must be
 * ARNs of resources the caller owns in the share's region (the emulator knows DataZone domains
 * only); principals must be 12-digit account ids other than the owner. Adding an account listed
 * in `externalAccountIds` needs `allowExternalPrincipals` and sends it an invitation.
 */
import { EmulatorServiceError, type CallContext, type EmulatorWorld } from '../../types.js';
import { dataZoneState } from '../datazone/state.js';
import { newInvitationArn, requireArn } from './arns.js';
import { associationStatus } from './lifecycle.js';
import { resourceTypeOf } from './permissions.js';
import {
  associationKey,
  nextSeq,
  type AssociationRecord,
  type AssociationType,
  type RamState,
  type ShareRecord,
} from './state.js';

/** Resources and principals of one request, already checked and deduplicated. */
export interface Entities {
  resourceArns: string[];
  principals: string[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : [];
}

/** Checks `resourceArns` and `principals` of a request against a share (existing or about to be). */
export function checkEntities(
  world: EmulatorWorld,
  input: Record<string, unknown>,
  share: Pick<ShareRecord, 'owningAccountId' | 'region' | 'allowExternalPrincipals'>,
  ctx: CallContext,
): Entities {
  if (strings(input.sources).length > 0) {
    throw new EmulatorServiceError(
      'InvalidParameterException',
      'Source constraints apply to service principals only, and the emulator shares with accounts only.',
    );
  }
  const resourceArns = strings(input.resourceArns);
  for (const arn of resourceArns) {
    requireArn(arn, 'resource ARN');
    const domain =
      resourceTypeOf(arn) === undefined
        ? undefined
        : Object.values(dataZoneState(world).domains).find((d) => d.arn === arn);
    if (!domain || domain.accountId !== share.owningAccountId || domain.region !== share.region) {
      throw new EmulatorServiceError('UnknownResourceException', `The resource ${arn} could not be found.`);
    }
  }
  const principals = strings(input.principals);
  for (const principal of principals) {
    if (!/^\d{12}$/.test(principal)) {
      throw new EmulatorServiceError(
        'InvalidParameterException',
        `The principal ${principal} is not a 12-digit AWS account id (the emulator shares with accounts only).`,
      );
    }
    if (principal === share.owningAccountId) {
      throw new EmulatorServiceError(
        'InvalidParameterException',
        'A resource share cannot be shared with its owner.',
      );
    }
    if (ctx.options.externalAccountIds.includes(principal) && !share.allowExternalPrincipals) {
      throw new EmulatorServiceError(
        'OperationNotPermittedException',
        `The account ${principal} is outside your organization and the share does not allow external principals.`,
      );
    }
  }
  return { resourceArns, principals };
}

function invitationOf(state: RamState, association: AssociationRecord) {
  return association.invitationArn ? state.invitations[association.invitationArn] : undefined;
}

/** True when the association still counts (not disassociating, disassociated or failed). */
export function isLive(state: RamState, association: AssociationRecord, now: number): boolean {
  const status = associationStatus(association, now, invitationOf(state, association));
  return status === 'ASSOCIATING' || status === 'ASSOCIATED';
}

/**
 * Adds the entities to the share and returns their association records. A live association is
 * kept as is (RAM answers it unchanged); a disassociated or failed one starts over.
 */
export function addEntities(
  state: RamState,
  share: ShareRecord,
  entities: Entities,
  ctx: CallContext,
): AssociationRecord[] {
  const now = ctx.now().getTime();
  const settle = now + ctx.options.durations.ramAssociate;
  const add = (type: AssociationType, entity: string): AssociationRecord => {
    const key = associationKey(share.arn, type, entity);
    const existing = state.associations[key];
    if (existing && isLive(state, existing, now)) return existing;
    const external = type === 'PRINCIPAL' && ctx.options.externalAccountIds.includes(entity);
    const record: AssociationRecord = {
      shareArn: share.arn,
      type,
      entity,
      external,
      createdAt: now,
      seq: nextSeq(state),
    };
    if (external) {
      record.invitationArn = newInvitationArn(ctx);
      state.invitations[record.invitationArn] = {
        arn: record.invitationArn,
        shareArn: share.arn,
        senderAccountId: share.owningAccountId,
        receiverAccountId: entity,
        region: share.region,
        createdAt: now,
        seq: nextSeq(state),
      };
    } else {
      record.associatedAt = settle;
    }
    state.associations[key] = record;
    share.lastUpdatedAt = now;
    return record;
  };
  return [
    ...entities.resourceArns.map((arn) => add('RESOURCE', arn)),
    ...entities.principals.map((principal) => add('PRINCIPAL', principal)),
  ];
}

/** Starts disassociating live associations; withdraws an invitation not yet accepted. */
export function startDisassociation(state: RamState, association: AssociationRecord, ctx: CallContext): void {
  const now = ctx.now().getTime();
  association.disassociateRequestedAt = now;
  association.disassociatedAt = now + ctx.options.durations.ramAssociate;
  const invitation = invitationOf(state, association);
  if (invitation && invitation.acceptedAt === undefined) invitation.withdrawnAt = now;
}

/**
 * Removes the entities from the share and returns their association records. Every entity must
 * be live in the share (UnknownResourceException otherwise); nothing changes unless all are.
 */
export function removeEntities(
  state: RamState,
  share: ShareRecord,
  entities: Entities,
  ctx: CallContext,
): AssociationRecord[] {
  const now = ctx.now().getTime();
  const targets = [
    ...entities.resourceArns.map((e) => associationKey(share.arn, 'RESOURCE', e)),
    ...entities.principals.map((e) => associationKey(share.arn, 'PRINCIPAL', e)),
  ].map((key) => {
    const association = state.associations[key];
    if (!association || !isLive(state, association, now)) {
      const entity = key.split('|')[2] ?? key;
      throw new EmulatorServiceError(
        'UnknownResourceException',
        `${entity} is not associated with ${share.arn}.`,
      );
    }
    return association;
  });
  for (const association of targets) startDisassociation(state, association, ctx);
  if (targets.length > 0) share.lastUpdatedAt = now;
  return targets;
}
