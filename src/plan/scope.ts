/**
 * What the live readers must read for a plan (DESIGN §5: only what the manifests and the prune
 * policy need): per domain, the names declared or tombstoned per kind and the pruned kinds; the
 * accounts whose blueprint configurations are declared; where Studio domains are read (studio-scope.ts).
 */
import { addressOf } from '../model/identity.js';
import { isTombstone, type ManifestKind } from '../model/manifest.js';
import type { ReadScope } from '../live/types.js';
import type { ValidDocument } from '../validate/schema-validator.js';
import { studioPlaces } from './studio-scope.js';
import { ROOT_UNIT_OWNERS } from '../live/unit-owners.js';

/**
 * Builds the read scope; `onlyDomains` restricts it to those domains (`--domain`, repeatable; empty: all). Studio places come
 * from `studioDocuments` (all documents by default): a `--studio` shard plans only Studio documents
 * but still looks wherever a Domain is declared, as the full plan does.
 */
export function readScope(
  documents: readonly ValidDocument[],
  onlyDomains: readonly string[] = [],
  studioDocuments: readonly ValidDocument[] = documents,
): ReadScope {
  const domains: ReadScope['domains'] = [];
  const accounts = new Map<string, ReadScope['accounts'][number]>();
  const roles = new Map<string, string | undefined>();
  for (const { manifest } of documents) {
    if (manifest.kind === 'AccountAssociation')
      roles.set(`${manifest.metadata.domain}/${manifest.metadata.name}`, manifest.spec.assumeRoleArn);
  }
  for (const { manifest } of documents) {
    if (
      manifest.kind !== 'Domain' ||
      (onlyDomains.length > 0 && !onlyDomains.includes(manifest.metadata.name))
    )
      continue;
    const name = manifest.metadata.name;
    const wanted: Partial<Record<ManifestKind, string[]>> = {};
    for (const doc of documents) {
      if (doc.manifest.metadata.domain !== name) continue;
      // A grant's name is its natural key (model/policy-grant.ts), not its document label.
      const wantedName =
        doc.manifest.kind === 'PolicyGrant' ? addressOf(doc.manifest).name : doc.manifest.metadata.name;
      (wanted[doc.manifest.kind] ??= []).push(wantedName);
    }
    // A declared project is normalised against its profile; an undeclared profile must be fetched too.
    for (const doc of documents) {
      const m = doc.manifest;
      // A tombstone is not normalised (it has no spec to read a profile from).
      if (m.kind === 'Project' && m.metadata.domain === name && !isTombstone(m) && m.spec.profile) {
        (wanted.ProjectProfile ??= []).push(m.spec.profile);
      }
    }
    // Owners cost a list and name lookups per unit: read only where a manifest manages them.
    const owners = documents
      .map((doc) => doc.manifest)
      .filter(
        (m) => m.kind === 'DomainUnit' && m.metadata.domain === name && !isTombstone(m) && m.spec?.owners,
      )
      .map((m) => m.metadata.name);
    // The Domain's owners are its root unit's (issue 15).
    if (!isTombstone(manifest) && manifest.spec.owners) owners.push(ROOT_UNIT_OWNERS);
    owners.sort();
    for (const [kind, list] of Object.entries(wanted))
      wanted[kind as ManifestKind] = [...new Set(list)].sort();
    domains.push({
      name,
      region: manifest.spec.region,
      ...(manifest.spec.account ? { account: manifest.spec.account } : {}),
      wanted,
      allKinds: [...(manifest.spec.reconcile?.prune ?? [])].sort(),
      ...(owners.length > 0 ? { owners } : {}),
    });
    // Blueprint configurations are read in the domain account and in every associated account declared.
    const domainAccount = manifest.spec.account;
    const add = (account: string | undefined) => {
      const key = `${name}/${account ?? ''}`;
      if (accounts.has(key)) return;
      const roleArn = account && account !== domainAccount ? roles.get(`${name}/${account}`) : undefined;
      accounts.set(key, { domain: name, account: account ?? '', ...(roleArn ? { roleArn } : {}) });
    };
    add(domainAccount);
    for (const doc of documents) {
      const m = doc.manifest;
      if (m.metadata.domain !== name) continue;
      if (m.kind === 'AccountAssociation') add(m.metadata.name);
      if (m.kind === 'BlueprintConfiguration') add(addressOf(m).account ?? domainAccount);
      // A grant on a configuration is judged against that account's configurations (declared or live).
      if (m.kind === 'PolicyGrant' && m.spec.blueprintConfiguration)
        add(m.spec.blueprintConfiguration.account);
    }
  }
  // A shard (--domain) reads no Studio domain: they belong to no domain.
  const studioDomains = onlyDomains.length > 0 ? [] : studioPlaces(studioDocuments);
  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    domains: domains.sort(byName),
    accounts: [...accounts.values()].sort((a, b) =>
      `${a.domain}/${a.account}` < `${b.domain}/${b.account}` ? -1 : 1,
    ),
    studioDomains,
  };
}
