/**
 * What RAM does when a shared resource is deleted by its own service: the resource association
 * leaves the share (DISASSOCIATING, then DISASSOCIATED after `ramAssociate`), the share and its
 * principals stay. Without this a share kept showing a deleted DataZone domain as ASSOCIATED, and
 * the domain's accounts as associated with it (decisions.md, item 5).
 */
import type { CallContext, EmulatorWorld } from '../../types.js';
import { isLive, startDisassociation } from './entities.js';
import { ramState } from './state.js';

/** Starts disassociating `resourceArn` from every share where it is live; returns how many. */
export function resourceDeleted(world: EmulatorWorld, resourceArn: string, ctx: CallContext): number {
  const state = ramState(world);
  const now = ctx.now().getTime();
  let count = 0;
  for (const association of Object.values(state.associations)) {
    if (association.type !== 'RESOURCE' || association.entity !== resourceArn) continue;
    if (!isLive(state, association, now)) continue;
    startDisassociation(state, association, ctx);
    const share = state.shares[association.shareArn];
    if (share) share.lastUpdatedAt = now;
    count += 1;
  }
  return count;
}
