/**
 * Ownership of Studio user profiles (issue 16). Pure.
 *
 * - A profile is addressed by its Studio domain's name and its own (`spec.domain`, `metadata.name`);
 *   the region is the domain's, added here from the StudioDomain manifest so apply and the
 *   dependency on the domain know where it lives (it is not part of the identity key).
 * - Undeclared profiles of a declared Studio domain are listed as unmanaged; they are deleted only
 *   under a Policy's `spec.reconcile.studioUserProfiles.prune`, never when `protect` matches.
 */
import { formatAddress } from '../model/identity.js';
import type { ValidDocument } from '../validate/schema-validator.js';
import type { DesiredResource } from './desired.js';
import { matchesProtect } from './protection.js';
import type { Change, Refusal } from './types.js';

/** The merged user-profile ownership policy of every Policy document. */
export interface ProfilePolicy {
  prune: boolean;
  protect: string[];
}

/** Merges `spec.reconcile.studioUserProfiles` of all Policies (none: nothing pruned). */
export function profilePolicy(documents: readonly ValidDocument[]): ProfilePolicy {
  let prune = false;
  const protect: string[] = [];
  for (const { manifest } of documents) {
    if (manifest.kind !== 'Policy') continue;
    const part = manifest.spec.reconcile?.studioUserProfiles;
    if (part?.prune) prune = true;
    protect.push(...(part?.protect ?? []));
  }
  return { prune, protect };
}

/** Sets the region of each declared profile's address to its Studio domain's (caller's account). */
export function withProfileRegions(
  desired: DesiredResource[],
  documents: readonly ValidDocument[],
): DesiredResource[] {
  const regions = new Map<string, string>();
  for (const { manifest: m } of documents)
    if (m.kind === 'StudioDomain' && !m.spec.account && !regions.has(m.metadata.name))
      regions.set(m.metadata.name, m.spec.region);
  for (const d of desired) {
    if (d.address.kind !== 'StudioUserProfile') continue;
    const region = regions.get(d.address.domain ?? '');
    if (region) d.address = { ...d.address, region };
  }
  return desired;
}

/** Refusals of the profile policy: deletes and replaces of profiles matching its protect globs. */
export function profileRefusals(changes: readonly Change[], policy: ProfilePolicy): Refusal[] {
  return changes
    .filter(
      (c) =>
        c.address.kind === 'StudioUserProfile' &&
        (c.action === 'delete' || c.action === 'replace') &&
        matchesProtect(c.address, policy.protect),
    )
    .map((change) => ({
      address: change.address,
      reason: 'protected' as const,
      detail: `${formatAddress(change.address)} is protected (Policy spec.reconcile.studioUserProfiles.protect); the plan would ${change.action} it`,
    }));
}
