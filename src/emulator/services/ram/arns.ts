/**
 * ARN shapes RAM produces and checks. RAM ids are UUIDs; the emulator derives them from the
 * seeded id generator so runs are reproducible.
 */
import { createHash } from 'node:crypto';
import { EmulatorServiceError, type CallContext } from '../../types.js';

/** `arn:partition:service:region:account:resource` with a non-empty service and resource. */
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|aws)?:.+$/;

/** A deterministic UUID (version-4 layout) from the seeded id generator. */
export function newUuid(ctx: CallContext): string {
  const hex = createHash('sha256').update(ctx.newId()).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${'89ab'[parseInt(hex[16] ?? '0', 16) % 4]}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** ARN of a new resource share of the caller. */
export function newShareArn(ctx: CallContext): string {
  return `arn:aws:ram:${ctx.region}:${ctx.accountId}:resource-share/${newUuid(ctx)}`;
}

/** ARN of a new invitation, in the sender's account (as RAM writes it). */
export function newInvitationArn(ctx: CallContext): string {
  return `arn:aws:ram:${ctx.region}:${ctx.accountId}:resource-share-invitation/${newUuid(ctx)}`;
}

/** True when `value` is shaped like an ARN. */
export function isArn(value: string): boolean {
  return ARN.test(value);
}

/** Throws MalformedArnException unless `value` is shaped like an ARN. */
export function requireArn(value: string, what: string): void {
  if (!isArn(value)) {
    throw new EmulatorServiceError('MalformedArnException', `The ${what} ${value} is not a valid ARN.`);
  }
}
