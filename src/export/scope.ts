/**
 * What `export` reads: one domain, every kind inside it fully (as if the domain pruned every
 * kind), and blueprint configurations of the domain account, plus those of the associated
 * accounts given with the role to assume there (another account's configurations are visible to
 * that account alone, and AWS does not say which role reaches it: the user names it).
 */
import { ALL_UNIT_OWNERS } from '../live/unit-owners.js';
import { DOMAIN_SCOPED_KINDS } from '../model/manifest.js';
import type { ReadScope } from '../live/types.js';
import { studioExportPlaces } from './studio-kinds.js';

/** What to read besides the domain: Studio domains of the caller's account, roles into associated accounts. */
export interface ExportReach {
  studioDomains?: boolean;
  /** Associated account → the role ARN that reaches it. */
  roles?: ReadonlyMap<string, string>;
}

/** The read scope of an export of `domain` (when given) and of the Studio domains (when asked) in `region`. */
export function exportScope(domain: string | undefined, region: string, reach: ExportReach = {}): ReadScope {
  return {
    domains: domain
      ? [
          {
            name: domain,
            region,
            wanted: {},
            allKinds: [...DOMAIN_SCOPED_KINDS].sort(),
            owners: [ALL_UNIT_OWNERS],
          },
        ]
      : [],
    // An empty account means "the caller's own", which the readers always read.
    accounts: domain
      ? [...(reach.roles ?? new Map<string, string>())]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([account, roleArn]) => ({ domain, account, roleArn }))
      : [],
    studioDomains: reach.studioDomains ? studioExportPlaces(region) : [],
  };
}

/** The role ARN of `roleName` in each associated account the first read found. */
export function associatedRoles(
  resources: readonly { address: { kind: string; domain?: string; name: string } }[],
  domain: string,
  roleName: string,
): Map<string, string> {
  const roles = new Map<string, string>();
  for (const r of resources) {
    if (r.address.kind === 'AccountAssociation' && r.address.domain === domain)
      roles.set(r.address.name, `arn:aws:iam::${r.address.name}:role/${roleName}`);
  }
  return roles;
}
