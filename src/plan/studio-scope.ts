/**
 * Where the live readers look for Studio domains (pure): every (account, region) in which a
 * StudioDomain is declared or tombstoned, a Studio prune scope is set, or a Domain is declared
 * (the repository runs that account's platform there, so a Studio domain made in its console is
 * reported as unmanaged, and a removed manifest's domain is not silently forgotten). Each place
 * carries the role to reach its account: a StudioDomain's `assumeRoleArn`, else a prune scope's,
 * else an AccountAssociation's for that account. No account means the caller's.
 */
import type { StudioPlace } from '../live/types.js';
import type { ValidDocument } from '../validate/schema-validator.js';

/** The Studio places of the documents, sorted by account then region; each lists its declared names. */
export function studioPlaces(documents: readonly ValidDocument[]): StudioPlace[] {
  const places = new Map<string, StudioPlace>();
  const roles = new Map<string, string>();
  const place = (account: string | undefined, region: string) => {
    const key = `${account ?? ''}/${region}`;
    let found = places.get(key);
    if (!found) {
      found = { ...(account ? { account } : {}), region, names: [], prune: false };
      places.set(key, found);
    }
    return found;
  };
  // Roles by precedence: what the StudioDomain says, then the prune scope, then an association.
  const associationRoles = new Map<string, string>();
  for (const { manifest: m } of documents) {
    if (m.kind === 'StudioDomain') {
      place(m.spec.account, m.spec.region).names.push(m.metadata.name);
      if (m.spec.account && m.spec.assumeRoleArn && !roles.has(m.spec.account))
        roles.set(m.spec.account, m.spec.assumeRoleArn);
    } else if (m.kind === 'Domain') {
      place(undefined, m.spec.region);
    } else if (m.kind === 'AccountAssociation' && m.spec.assumeRoleArn) {
      if (!associationRoles.has(m.metadata.name)) associationRoles.set(m.metadata.name, m.spec.assumeRoleArn);
    }
  }
  for (const { manifest: m } of documents) {
    if (m.kind !== 'Policy') continue;
    for (const scope of m.spec.reconcile?.studioDomains?.prune ?? []) {
      place(scope.account, scope.region).prune = true;
      if (scope.account && scope.assumeRoleArn && !roles.has(scope.account))
        roles.set(scope.account, scope.assumeRoleArn);
    }
  }
  for (const p of places.values()) {
    const role = p.account ? (roles.get(p.account) ?? associationRoles.get(p.account)) : undefined;
    if (role) p.roleArn = role;
    p.names = [...new Set(p.names)].sort();
  }
  const key = (p: StudioPlace) => `${p.account ?? ''}/${p.region}`;
  return [...places.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
