/**
 * Refusals of ambiguous identities: two or more live resources with one identity are never
 * touched, since the plan cannot tell which one a manifest means. For policy grants (issue 15),
 * whose identity is a natural key and whose detail is not part of it, the refusal says more:
 * one refusal per key, located at the principal of the grant's document (when one declares it),
 * naming the detail fields in which the live grants differ, sorted, so that the reader knows
 * what to remove by hand. Other kinds keep one refusal per live resource.
 */
import { canonicalJson } from '../live/fingerprint.js';
import type { Observation } from '../live/types.js';
import { formatAddress, identityKey } from '../model/identity.js';
import type { DesiredResource } from './desired.js';
import { locationOf } from './preflight.js';
import type { Change, Refusal } from './types.js';

/** Top-level fields whose values differ between the values, as sorted `/field` paths. */
function differingFields(values: readonly (object | undefined)[]): string[] {
  const fields = new Set(values.flatMap((v) => (v ? Object.keys(v) : [])));
  return [...fields]
    .filter((f) => {
      const seen = new Set(values.map((v) => canonicalJson((v as Record<string, unknown> | undefined)?.[f])));
      return seen.size > 1;
    })
    .map((f) => `/${f}`)
    .sort();
}

/** The refusals of the changes the planner found ambiguous. */
export function ambiguousRefusals(
  ambiguous: readonly Change[],
  observation: Observation,
  desired: readonly DesiredResource[],
): Refusal[] {
  const refused: Refusal[] = [];
  const grants = new Map<string, Change[]>();
  for (const change of ambiguous) {
    if (change.address.kind !== 'PolicyGrant') {
      refused.push({
        address: change.address,
        reason: 'ambiguous',
        detail: `two or more live resources are ${formatAddress(change.address)}; neither is touched`,
      });
      continue;
    }
    const key = identityKey(change.address);
    grants.set(key, [...(grants.get(key) ?? []), change]);
  }
  if (grants.size === 0) return refused;
  const desiredByKey = new Map(desired.map((d) => [d.key, d]));
  for (const [key, group] of grants) {
    const ids = new Set(group.map((c) => c.id));
    const values = observation.resources
      .filter((r) => r.key === key && ids.has(r.id))
      .map((r) => r.normal ?? undefined);
    const fields = values.some((v) => v === undefined) ? [] : differingFields(values);
    const differ =
      fields.length > 0
        ? `they differ in ${fields.join(', ')}`
        : 'their details could not all be read, so they cannot be told apart';
    const location = locationOf(desiredByKey.get(key), '/spec/principal');
    refused.push({
      address: group[0]!.address,
      reason: 'ambiguous',
      detail: `${group.length} live grants are ${formatAddress(group[0]!.address)} (one natural key): ${differ}; none is touched, since removing any changes who may do what. Remove the one not wanted by hand (RemovePolicyGrant), then plan again`,
      ...(location ? { location } : {}),
    });
  }
  return refused;
}
