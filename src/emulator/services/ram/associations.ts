/**
 * AssociateResourceShare, DisassociateResourceShare and GetResourceShareAssociations: the owner's
 * view of who and what is in its shares. Disassociated entries stay listed with status
 * DISASSOCIATED (as RAM keeps them for a while), so readers must filter by status.
 */
import {
  EmulatorServiceError,
  type CallContext,
  type EmulatorWorld,
  type OperationHandler,
} from '../../types.js';
import { requireArn } from './arns.js';
import { addEntities, checkEntities, removeEntities } from './entities.js';
import { withClientToken } from './idempotency.js';
import { associationStatus } from './lifecycle.js';
import { findModifiableShare, findOwnedShare } from './lookups.js';
import { ramPage } from './paging.js';
import { ramState, type AssociationRecord, type ShareRecord } from './state.js';
import { associationView } from './views.js';

function requireSomething(input: Record<string, unknown>): void {
  const given = (v: unknown) => Array.isArray(v) && v.length > 0;
  if (!given(input.resourceArns) && !given(input.principals) && !given(input.sources)) {
    throw new EmulatorServiceError(
      'InvalidParameterException',
      'Specify at least one resource ARN or principal.',
    );
  }
}

/** AssociateResourceShare: adds resources and principals to a share the caller owns. */
export function associateResourceShare(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = ramState(world);
    return withClientToken(state, 'AssociateResourceShare', input, ctx, (clientToken) => {
      const share = findModifiableShare(state, String(input.resourceShareArn), ctx);
      requireSomething(input);
      const records = addEntities(state, share, checkEntities(world, input, share, ctx), ctx);
      const now = ctx.now().getTime();
      return { resourceShareAssociations: records.map((r) => associationView(state, r, now)), clientToken };
    });
  };
}

/** DisassociateResourceShare: starts removing resources and principals from a share the caller owns. */
export function disassociateResourceShare(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = ramState(world);
    return withClientToken(state, 'DisassociateResourceShare', input, ctx, (clientToken) => {
      const share = findModifiableShare(state, String(input.resourceShareArn), ctx);
      requireSomething(input);
      const entities = {
        resourceArns: Array.isArray(input.resourceArns) ? input.resourceArns.map(String) : [],
        principals: Array.isArray(input.principals) ? input.principals.map(String) : [],
      };
      entities.resourceArns.forEach((arn) => requireArn(arn, 'resource ARN'));
      const records = removeEntities(state, share, entities, ctx);
      const now = ctx.now().getTime();
      return { resourceShareAssociations: records.map((r) => associationView(state, r, now)), clientToken };
    });
  };
}

function sharesInScope(
  world: EmulatorWorld,
  input: Record<string, unknown>,
  ctx: CallContext,
): ShareRecord[] {
  const state = ramState(world);
  if (Array.isArray(input.resourceShareArns) && input.resourceShareArns.length > 0) {
    return input.resourceShareArns.map((arn) => findOwnedShare(state, String(arn), ctx));
  }
  return Object.values(state.shares).filter(
    (s) => s.owningAccountId === ctx.accountId && s.region === ctx.region,
  );
}

/** GetResourceShareAssociations: the associations of the caller's shares, filtered. */
export function getResourceShareAssociations(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = ramState(world);
    const type = String(input.associationType);
    const principal = typeof input.principal === 'string' ? input.principal : undefined;
    const resourceArn = typeof input.resourceArn === 'string' ? input.resourceArn : undefined;
    if (type === 'PRINCIPAL' && resourceArn !== undefined) {
      throw new EmulatorServiceError(
        'InvalidParameterException',
        'resourceArn cannot be used with associationType PRINCIPAL.',
      );
    }
    if (type === 'RESOURCE' && principal !== undefined) {
      throw new EmulatorServiceError(
        'InvalidParameterException',
        'principal cannot be used with associationType RESOURCE.',
      );
    }
    if (resourceArn !== undefined) requireArn(resourceArn, 'resource ARN');
    const shareArns = new Set(sharesInScope(world, input, ctx).map((s) => s.arn));
    const now = ctx.now().getTime();
    const matches = (a: AssociationRecord): boolean => {
      if (!shareArns.has(a.shareArn) || a.type !== type) return false;
      if (principal !== undefined && a.entity !== principal) return false;
      if (resourceArn !== undefined && a.entity !== resourceArn) return false;
      if (input.associationStatus === undefined) return true;
      const invitation = a.invitationArn ? state.invitations[a.invitationArn] : undefined;
      return associationStatus(a, now, invitation) === input.associationStatus;
    };
    const items = Object.values(state.associations).filter(matches);
    const page = ramPage(
      items,
      input,
      ctx,
      `GetResourceShareAssociations:${JSON.stringify([type, input.resourceShareArns, principal, resourceArn, input.associationStatus])}`,
      (a) => `${a.shareArn}|${a.entity}`,
      (a) => [a.createdAt, a.seq ?? 0],
    );
    return {
      resourceShareAssociations: page.items.map((a) => associationView(state, a, now)),
      nextToken: page.nextToken,
    };
  };
}
