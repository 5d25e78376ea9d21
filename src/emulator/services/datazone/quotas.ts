/**
 * DataZone's documented resource quotas (reference §12). Each can be lowered through the
 * `quotas` control hook so a test reaches it in a few calls instead of hundreds.
 */
import { fail, type DzCall } from './call.js';

/** Quota names and their AWS values. */
export const DEFAULT_QUOTAS = {
  accountPoolsPerDomain: 100,
  projectsPerDomain: 1000,
  domainUnitsPerDomain: 500,
  domainUnitDepth: 5,
  projectResourceTags: 25,
  userMembersPerProject: 100,
  groupMembersPerProject: 20,
} as const;

/** A quota's name. */
export type QuotaName = keyof typeof DEFAULT_QUOTAS;

/** The quota in force (override or AWS value). */
export function quota(call: DzCall, name: QuotaName): number {
  return call.state.quotas?.[name] ?? DEFAULT_QUOTAS[name];
}

/** Throws ServiceQuotaExceededException when `count` would exceed the quota. */
export function checkQuota(call: DzCall, name: QuotaName, count: number, what: string): void {
  const limit = quota(call, name);
  if (count > limit) fail('ServiceQuotaExceededException', `Quota exceeded: at most ${limit} ${what}.`);
}
