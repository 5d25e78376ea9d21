/**
 * CreateResourceShare, GetResourceShares and DeleteResourceShare. Share names are not unique in
 * RAM (two shares may carry one name), and a deleted share stays listed with status DELETED, so
 * readers must filter by status; both are hazards the reconciler has to handle.
 */
import {
  EmulatorServiceError,
  type CallContext,
  type EmulatorWorld,
  type OperationHandler,
} from '../../types.js';
import { newShareArn, requireArn } from './arns.js';
import { addEntities, checkEntities, isLive, startDisassociation } from './entities.js';
import { withClientToken } from './idempotency.js';
import { shareStatus } from './lifecycle.js';
import { findModifiableShare, isPrincipalOf } from './lookups.js';
import { ramPage } from './paging.js';
import { checkPermissionArns, effectivePermissions } from './permissions.js';
import { nextSeq, ramState, type RamState, type ShareRecord } from './state.js';
import { shareView } from './views.js';

function tagsOf(value: unknown): { key: string; value: string }[] {
  if (!Array.isArray(value)) return [];
  return value.map((t: { key?: unknown; value?: unknown }) => ({
    key: String(t.key),
    value: String(t.value ?? ''),
  }));
}

/** CreateResourceShare: a new ACTIVE share owned by the caller, with its first associations. */
export function createResourceShare(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = ramState(world);
    return withClientToken(state, 'CreateResourceShare', input, ctx, (clientToken) => {
      const permissionArns = Array.isArray(input.permissionArns) ? input.permissionArns.map(String) : [];
      checkPermissionArns(permissionArns);
      const now = ctx.now().getTime();
      const share: ShareRecord = {
        arn: newShareArn(ctx),
        name: String(input.name),
        owningAccountId: ctx.accountId,
        region: ctx.region,
        allowExternalPrincipals: input.allowExternalPrincipals !== false,
        tags: tagsOf(input.tags),
        permissionArns,
        createdAt: now,
        lastUpdatedAt: now,
      };
      const configuration = input.resourceShareConfiguration as ShareRecord['resourceShareConfiguration'];
      if (configuration) share.resourceShareConfiguration = { ...configuration };
      // Check everything before the share exists, so a refused create leaves no trace.
      const entities = checkEntities(world, input, share, ctx);
      share.seq = nextSeq(state);
      state.shares[share.arn] = share;
      addEntities(state, share, entities, ctx);
      share.lastUpdatedAt = now;
      return { resourceShare: shareView(share), clientToken };
    });
  };
}

function matchesTags(share: ShareRecord, filters: unknown): boolean {
  if (!Array.isArray(filters)) return true;
  return filters.every((f: { tagKey?: unknown; tagValues?: unknown }) =>
    share.tags.some(
      (t) =>
        (f.tagKey === undefined || t.key === f.tagKey) &&
        (!Array.isArray(f.tagValues) || f.tagValues.length === 0 || f.tagValues.includes(t.value)),
    ),
  );
}

function candidates(state: RamState, input: Record<string, unknown>, ctx: CallContext): ShareRecord[] {
  const now = ctx.now().getTime();
  const inRegion = Object.values(state.shares).filter((s) => s.region === ctx.region);
  if (input.resourceOwner === 'SELF') return inRegion.filter((s) => s.owningAccountId === ctx.accountId);
  // OTHER-ACCOUNTS: ACTIVE shares in which the caller is an ASSOCIATED principal.
  return inRegion.filter(
    (s) =>
      s.owningAccountId !== ctx.accountId &&
      shareStatus(s) === 'ACTIVE' &&
      isPrincipalOf(state, s, ctx.accountId, now),
  );
}

/** GetResourceShares: the caller's shares (SELF) or those shared with it (OTHER-ACCOUNTS), filtered. */
export function getResourceShares(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = ramState(world);
    // Every managed permission is at version 1: another version matches no share.
    if (input.permissionVersion !== undefined && input.permissionVersion !== 1) return { resourceShares: [] };
    let shares = candidates(state, input, ctx);
    if (Array.isArray(input.resourceShareArns) && input.resourceShareArns.length > 0) {
      const wanted = input.resourceShareArns.map(String);
      for (const arn of wanted) {
        requireArn(arn, 'resource share ARN');
        if (!state.shares[arn]) {
          throw new EmulatorServiceError(
            'UnknownResourceException',
            `The resource share ${arn} could not be found.`,
          );
        }
      }
      shares = shares.filter((s) => wanted.includes(s.arn));
    }
    if (typeof input.permissionArn === 'string') requireArn(input.permissionArn, 'permission ARN');
    shares = shares
      .filter((s) => input.name === undefined || s.name === input.name)
      .filter((s) => input.resourceShareStatus === undefined || shareStatus(s) === input.resourceShareStatus)
      .filter((s) => matchesTags(s, input.tagFilters))
      .filter(
        (s) =>
          input.permissionArn === undefined ||
          effectivePermissions(state, s).some((p) => p.arn === input.permissionArn),
      );
    const { nextToken: _n, maxResults: _m, ...filters } = input;
    const page = ramPage(
      shares,
      input,
      ctx,
      `GetResourceShares:${JSON.stringify(filters)}`,
      (s) => s.arn,
      (s) => [s.createdAt, s.seq ?? 0],
    );
    return { resourceShares: page.items.map(shareView), nextToken: page.nextToken };
  };
}

/** DeleteResourceShare: the share becomes DELETED and every live association starts disassociating. */
export function deleteResourceShare(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = ramState(world);
    return withClientToken(state, 'DeleteResourceShare', input, ctx, (clientToken) => {
      const share = findModifiableShare(state, String(input.resourceShareArn), ctx);
      const now = ctx.now().getTime();
      for (const association of Object.values(state.associations)) {
        if (association.shareArn === share.arn && isLive(state, association, now)) {
          startDisassociation(state, association, ctx);
        }
      }
      share.deletedAt = now;
      share.lastUpdatedAt = now;
      return { returnValue: true, clientToken };
    });
  };
}
