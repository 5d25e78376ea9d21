/**
 * What every reader of a domain's contents shares: the domain as found live, its scope entry (which
 * names the plan needs fully read), the clients of its account and region, and the read context.
 */
import type { AwsClients } from '../aws/clients.js';
import type { ManifestKind } from '../model/manifest.js';
import type { ReadContext } from './read-context.js';
import type { ReadScope } from './types.js';

/** One domain entry of the read scope. */
export type DomainScope = ReadScope['domains'][number];

/** The ids of a live domain its contents are read through. */
export interface LiveDomain {
  id: string;
  name: string;
  arn: string;
  region: string;
  /** The account that owns the domain (`managedAccountId`). */
  accountId: string;
  rootDomainUnitId: string;
}

/** Everything a kind reader needs for one domain. */
export interface DomainContext {
  scope: DomainScope;
  domain: LiveDomain;
  /** Home clients in the domain's region. */
  clients: AwsClients;
  read: ReadContext;
  /** How failures name this domain: `domain <name>`. */
  where: string;
}

/** True when the plan needs `name` of `kind` fully read: declared, tombstoned, or its kind is pruned. */
export function isWanted(scope: DomainScope, kind: ManifestKind, name: string): boolean {
  return scope.allKinds.includes(kind) || (scope.wanted[kind]?.includes(name) ?? false);
}
