/**
 * The roles the manifests declare per deployer role (issue 19.3): beside each `assumeRoleArn` an
 * AccountAssociation or a StudioDomain may declare the account's read-only `readerRoleArn`, which
 * plan, drift and export assume instead, and the `externalId` the roles' trust policies require.
 * Pure: the client factory uses the result to choose and assume roles.
 */
import type { Manifest } from './manifest.js';

/** What is declared beside one deployer role. */
export interface DeclaredRole {
  readerRoleArn?: string;
  externalId?: string;
}

/** Declarations by deployer role ARN; the first declaration of a role wins (document order). */
export function declaredRoles(manifests: Iterable<Manifest>): Map<string, DeclaredRole> {
  const roles = new Map<string, DeclaredRole>();
  for (const m of manifests) {
    if (m.kind !== 'AccountAssociation' && m.kind !== 'StudioDomain') continue;
    const spec = m.spec as { assumeRoleArn?: string; readerRoleArn?: string; externalId?: string };
    if (!spec.assumeRoleArn || roles.has(spec.assumeRoleArn)) continue;
    roles.set(spec.assumeRoleArn, {
      ...(spec.readerRoleArn ? { readerRoleArn: spec.readerRoleArn } : {}),
      ...(spec.externalId ? { externalId: spec.externalId } : {}),
    });
  }
  return roles;
}
