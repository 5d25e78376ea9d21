/**
 * Resource ids in the shapes DataZone uses: live ids are 14 lowercase alphanumerics (domains get
 * a `dzd_` prefix) and user/group profile ids are UUIDs. They are derived by hashing the wire
 * layer's seeded `ctx.newId()`, so they stay deterministic for a given seed whatever its format.
 */
import { createHash } from 'node:crypto';
import type { CallContext } from '../../types.js';

function digest(ctx: CallContext, prefix: string): string {
  return createHash('sha256').update(ctx.newId(prefix)).digest('hex');
}

/** A 14-character lowercase alphanumeric id (projects, profiles, pools, blueprints, units, …). */
export function opaqueId(ctx: CallContext, prefix = 'dz'): string {
  // Base-36 of 72 hash bits gives 14 characters; pad in the rare case of leading zeros.
  const n = BigInt(`0x${digest(ctx, prefix).slice(0, 18)}`);
  return n.toString(36).padStart(14, '0').slice(-14);
}

/** A domain id: `dzd_` followed by 14 lowercase alphanumerics. */
export function domainId(ctx: CallContext): string {
  return `dzd_${opaqueId(ctx, 'dzd')}`;
}

/** A UUID-shaped id (user and group profiles, whose model pattern is a UUID). */
export function uuidId(ctx: CallContext, prefix = 'profile'): string {
  const h = digest(ctx, prefix);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
