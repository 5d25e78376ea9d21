/**
 * The isolation policy of a Studio domain generated from its manifest (issue 16): the network
 * the policy enforces (VpcOnly or not, the subnets) is the one declared and reviewed in Git, not
 * whatever is live, so an out-of-band subnet added to the domain does not widen the users' policy.
 * Only the domain's ARN comes from the live domain: SageMaker assigns the id, and it is the value
 * of the `sagemaker:domain-arn` tag the policy conditions on. Pure: the live facts are passed in.
 */
import type { ManifestKind, ManifestOf } from '../model/manifest.js';
import { StudioDomainLookupError, type StudioDomainFacts } from './studio-domains.js';

/**
 * The facts of `manifest`'s domain: the live identity (ARN, id, region, account) with the
 * declared network. Throws StudioDomainLookupError when the live domain is not the declared one
 * (another region or account).
 */
export function declaredStudioFacts(
  manifest: ManifestOf<'StudioDomain'>,
  live: StudioDomainFacts,
): StudioDomainFacts {
  const spec = manifest.spec;
  const name = manifest.metadata.name;
  if (live.region !== spec.region)
    throw new StudioDomainLookupError(
      `StudioDomain ${name} is declared in region ${spec.region}, but the live domain is in ${live.region}`,
    );
  if (spec.account !== undefined && live.account !== spec.account)
    throw new StudioDomainLookupError(
      `StudioDomain ${name} is declared in account ${spec.account}, but the credentials reach account ${live.account}; run with that account's credentials`,
    );
  return {
    ...live,
    appNetworkAccessType: spec.appNetworkAccessType ?? 'PublicInternetOnly',
    subnetIds: [...(spec.subnetIds ?? [])].sort(),
  };
}

/** The StudioDomain manifest named `name` among `manifests`, or a lookup error saying none is. */
export function studioManifestNamed(
  manifests: readonly ManifestOf<ManifestKind>[],
  name: string,
  region?: string,
): ManifestOf<'StudioDomain'> {
  const found = manifests.filter(
    (m): m is ManifestOf<'StudioDomain'> =>
      m.kind === 'StudioDomain' && m.metadata.name === name && (!region || m.spec.region === region),
  );
  if (found.length === 0) throw new StudioDomainLookupError(`no StudioDomain manifest is named ${name}`);
  if (found.length > 1)
    throw new StudioDomainLookupError(
      `${found.length} StudioDomain manifests are named ${name}; name one region's domain with --region`,
    );
  return found[0] as ManifestOf<'StudioDomain'>;
}
