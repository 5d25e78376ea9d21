/**
 * Read-only questions other services ask RAM. DataZone uses them to decide whether an account
 * may act on a domain it does not own (an account associated with the domain through a share).
 * They take the world, not a CallContext, so the clock defaults to the emulated "now" that the
 * wire layer uses (real time plus the world's offset); pass `now` to pin it.
 */
import type { EmulatorWorld } from '../../types.js';
import { associationStatus, shareStatus } from './lifecycle.js';
import { associationKey, associationsOf, ramState, type RamState, type ShareRecord } from './state.js';

/** The emulated instant as the wire layer computes it (real clock + the control endpoint's offset). */
export function worldNow(world: EmulatorWorld): number {
  return Date.now() + world.clockOffsetMs;
}

/** Account id and region of an ARN (`arn:partition:service:region:account:resource`). */
function arnParts(arn: string): { region: string; accountId: string } | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { region: parts[3] ?? '', accountId: parts[4] ?? '' };
}

function isAssociated(
  state: RamState,
  shareArn: string,
  type: 'PRINCIPAL' | 'RESOURCE',
  entity: string,
  now: number,
) {
  const association = state.associations[associationKey(shareArn, type, entity)];
  if (!association) return false;
  const invitation = association.invitationArn ? state.invitations[association.invitationArn] : undefined;
  return associationStatus(association, now, invitation) === 'ASSOCIATED';
}

/** ACTIVE shares owned by the resource's account, in its region, whose resource association is ASSOCIATED. */
function activeSharesOf(state: RamState, resourceArn: string, now: number): ShareRecord[] {
  const owner = arnParts(resourceArn);
  if (!owner) return [];
  return Object.values(state.shares).filter(
    (share) =>
      shareStatus(share) === 'ACTIVE' &&
      share.owningAccountId === owner.accountId &&
      share.region === owner.region &&
      isAssociated(state, share.arn, 'RESOURCE', resourceArn, now),
  );
}

/**
 * True when an ACTIVE share owned by the domain's account contains the domain ARN (resource
 * association ASSOCIATED) and the account as a principal whose association is ASSOCIATED. An
 * external account therefore counts only after it accepted the invitation; an in-organisation
 * account once the `ramAssociate` duration has passed since it was added.
 */
export function isAccountAssociated(
  world: EmulatorWorld,
  domainArn: string,
  accountId: string,
  now: number = worldNow(world),
): boolean {
  const state = ramState(world);
  return activeSharesOf(state, domainArn, now).some((share) =>
    isAssociated(state, share.arn, 'PRINCIPAL', accountId, now),
  );
}

/** Every account associated with the domain (see isAccountAssociated), sorted, without duplicates. */
export function associatedAccounts(
  world: EmulatorWorld,
  domainArn: string,
  now: number = worldNow(world),
): string[] {
  const state = ramState(world);
  const accounts = new Set<string>();
  for (const share of activeSharesOf(state, domainArn, now)) {
    for (const association of associationsOf(state, share.arn, 'PRINCIPAL')) {
      if (isAssociated(state, share.arn, 'PRINCIPAL', association.entity, now))
        accounts.add(association.entity);
    }
  }
  return [...accounts].sort();
}

/**
 * ARNs of the resources (e.g. DataZone domains) shared with `accountId` through ACTIVE shares in
 * `region` where both the resource and the account are ASSOCIATED, sorted, without duplicates.
 */
export function resourcesSharedWith(
  world: EmulatorWorld,
  accountId: string,
  region: string,
  now: number = worldNow(world),
): string[] {
  const state = ramState(world);
  const arns = new Set<string>();
  for (const share of Object.values(state.shares)) {
    if (shareStatus(share) !== 'ACTIVE' || share.region !== region) continue;
    if (!isAssociated(state, share.arn, 'PRINCIPAL', accountId, now)) continue;
    for (const resource of associationsOf(state, share.arn, 'RESOURCE')) {
      if (isAssociated(state, share.arn, 'RESOURCE', resource.entity, now)) arns.add(resource.entity);
    }
  }
  return [...arns].sort();
}
