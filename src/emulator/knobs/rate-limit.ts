/**
 * Per-operation TPS limits: one token bucket per (account, region, service, operation), as AWS
 * meters "per account and region". A bucket holds at most one second of tokens (burst = TPS,
 * at least 1) and refills continuously in real time; an empty bucket answers the protocol's
 * throttling error. Real time, not the emulated clock: the limit is on the caller's request rate.
 */
import type { ServiceName } from '../types.js';
import { DOCUMENTED_TPS, UNDOCUMENTED_TPS } from '../../aws/documented-tps.js';

/** The rateLimits option: documented TPS, none, or an explicit TPS per operation. */
export type RateLimitSetting = 'documented' | 'off' | Record<string, number>;

// The documented rates live with the other AWS facts; the emulator throttles with the same table.
export { DOCUMENTED_TPS, UNDOCUMENTED_TPS } from '../../aws/documented-tps.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Token buckets over a rate-limit setting. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly setting: RateLimitSetting,
    private readonly scale: number = 1,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The TPS limit of an operation, or undefined when it is not limited. */
  tpsOf(service: ServiceName, operation: string, mutating: boolean): number | undefined {
    const setting = this.setting;
    let tps: number | undefined;
    if (setting === 'off') return undefined;
    if (setting === 'documented') {
      tps =
        DOCUMENTED_TPS[`${service}.${operation}`] ??
        (mutating ? UNDOCUMENTED_TPS.mutating : UNDOCUMENTED_TPS.read);
    } else {
      tps = setting[`${service}.${operation}`] ?? setting[operation];
    }
    return tps === undefined ? undefined : tps * this.scale;
  }

  /** Takes a token for the request; false means "throttle it". */
  take(key: {
    accountId: string;
    region: string;
    service: ServiceName;
    operation: string;
    mutating: boolean;
  }): boolean {
    const tps = this.tpsOf(key.service, key.operation, key.mutating);
    if (tps === undefined) return true;
    const id = `${key.accountId}/${key.region}/${key.service}.${key.operation}`;
    const now = this.clock();
    const capacity = Math.max(1, tps);
    const bucket = this.buckets.get(id) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * tps);
    bucket.updatedAt = now;
    this.buckets.set(id, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
