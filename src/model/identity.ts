/**
 * What a manifest is matched on (DESIGN §2): the identity that makes two documents "the same
 * resource" and that the planner looks live resources up by. The address is the human form used
 * in plans and in `reconcile.protect` globs (`Kind/name`).
 */
import { assertNever, type Manifest, type ManifestKind } from './manifest.js';
import { termAddressName } from './glossary-term.js';
import { grantNameOf } from './policy-grant.js';

/** A resource's address in plans and protect globs. */
export interface Address {
  kind: ManifestKind;
  domain?: string;
  name: string;
  /**
   * BlueprintConfiguration: whose configuration (the domain account when unset). StudioDomain: the
   * account it lives in, set only when that is not the caller's account (so single-account plans
   * read as before).
   */
  account?: string;
  /** Only for Domain and StudioDomain: identity includes the region. */
  region?: string;
}

/** The address of a manifest. */
export function addressOf(manifest: Manifest): Address {
  switch (manifest.kind) {
    case 'Domain':
      return { kind: manifest.kind, name: manifest.metadata.name, region: manifest.spec.region };
    case 'StudioDomain': {
      const address: Address = {
        kind: manifest.kind,
        name: manifest.metadata.name,
        region: manifest.spec.region,
      };
      // The planner drops the caller's own account again (plan/studio-ownership.ts): only another account shows.
      if (manifest.spec.account) address.account = manifest.spec.account;
      return address;
    }
    case 'StudioUserProfile':
      // `domain` is the StudioDomain's name; the planner adds its region (plan/studio-profiles.ts).
      return { kind: manifest.kind, domain: manifest.spec.domain, name: manifest.metadata.name };
    case 'Policy':
      return { kind: manifest.kind, name: manifest.metadata.name };
    case 'PolicyGrant':
      // Grants have no name in the API: the address is the natural key (model/policy-grant.ts).
      return {
        kind: manifest.kind,
        domain: manifest.metadata.domain ?? '',
        name: grantNameOf(manifest.spec),
      };
    case 'BlueprintConfiguration': {
      const address: Address = {
        kind: manifest.kind,
        domain: manifest.metadata.domain ?? '',
        name: manifest.metadata.name,
      };
      if (manifest.spec.account) address.account = manifest.spec.account;
      return address;
    }
    case 'GlossaryTerm':
      // Term names are unique per glossary: the glossary is part of the identity.
      return {
        kind: manifest.kind,
        domain: manifest.metadata.domain ?? '',
        name: termAddressName(manifest.spec.glossary, manifest.metadata.name),
      };
    case 'DomainUnit':
    case 'AccountAssociation':
    case 'AccountPool':
    case 'ProjectProfile':
    case 'Project':
    case 'Glossary':
    case 'FormType':
    case 'MetadataRule':
      return { kind: manifest.kind, domain: manifest.metadata.domain ?? '', name: manifest.metadata.name };
    default:
      return assertNever(manifest);
  }
}

/**
 * The identity key: equal keys mean the same resource. Domains are keyed by name alone because
 * other documents reference them by name (`metadata.domain`): two domains of one name in two
 * regions could not be told apart by those references.
 */
export function identityKey(address: Address): string {
  switch (address.kind) {
    case 'Domain':
    case 'Policy':
      return `${address.kind}/${address.name}`;
    case 'StudioDomain':
      // Two accounts may each hold a domain of one name; the caller's own account adds no suffix.
      return `${address.kind}/${address.region ?? ''}/${address.name}${address.account ? `@${address.account}` : ''}`;
    case 'BlueprintConfiguration':
      return `${address.kind}/${address.domain ?? ''}/${address.account ?? '(domain account)'}/${address.name}`;
    case 'StudioUserProfile':
      // Studio domains are referenced by name (spec.domain): the region is not part of the key.
      return `${address.kind}/${address.domain ?? ''}/${address.name}`;
    case 'DomainUnit':
    case 'AccountAssociation':
    case 'AccountPool':
    case 'ProjectProfile':
    case 'Project':
    case 'PolicyGrant':
    case 'Glossary':
    case 'FormType':
    case 'MetadataRule':
    case 'GlossaryTerm':
      return `${address.kind}/${address.domain ?? ''}/${address.name}`;
    default:
      return assertNever(address.kind);
  }
}

/** `Kind/name` (plus `@account` for blueprint configurations and Studio domains of another account): the form users write in protect globs. */
export function formatAddress(address: Address): string {
  const account = address.account ? `@${address.account}` : '';
  return `${address.kind}/${address.name}${account}`;
}
