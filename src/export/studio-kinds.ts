/**
 * Export of Studio domains (`export --studio-domains`): every live Studio domain of the caller's
 * account in the export region, read fully, written as StudioDomain manifests that normalise back
 * to what is live (the inverse of plan/normalize-desired.ts for the kind), so `plan` over them has
 * no changes. The account is left out (it is the caller's, the default). A domain the tool did not
 * create carries no ownership tag: its manifest declares `lifecycle.adopt: true`, so the takeover
 * is in the reviewed text and the plan over the export has no changes (adoption is never silent).
 */
import type { LiveResource, Observation, ReadScope } from '../live/types.js';
import { ExportError } from './build.js';
import type { NormalStudioDomain, NormalStudioUserProfile } from '../model/normalized.js';
import { STUDIO_MANAGED_META, STUDIO_MANAGED_TAG } from '../model/studio-marker.js';
import { compare, envelope, sortedMap, type ExportedDocument } from './document.js';

/** The Studio part of an export's read scope: the caller's account in `region`, every domain read fully. */
export function studioExportPlaces(region: string): ReadScope['studioDomains'] {
  // `prune` here only means "read every domain fully"; nothing is planned from an export read.
  return [{ region, names: [], prune: true, allProfiles: true }];
}

/** The StudioDomain manifest of one live Studio domain. */
export function studioDomainDocument(resource: LiveResource): ExportedDocument {
  const normal = resource.normal as NormalStudioDomain;
  const settings = normal.defaultUserSettings;
  // Made outside the tool (no ownership tag): the exported manifest adopts it explicitly, in the
  // reviewed text, so plan over the export has no changes and never adopts silently.
  const adopted = resource.meta[STUDIO_MANAGED_META] !== 'true';
  const comments = adopted
    ? [`  # Not created by smus-gitops (no ${STUDIO_MANAGED_TAG} tag): lifecycle.adopt takes it over.`]
    : [];
  return envelope(
    'StudioDomain',
    resource.address.name,
    undefined,
    {
      region: resource.address.region,
      authMode: normal.authMode,
      vpcId: normal.vpcId,
      subnetIds: normal.subnetIds && [...normal.subnetIds].sort(compare),
      appNetworkAccessType: normal.appNetworkAccessType,
      kmsKeyId: normal.kmsKeyId,
      // The normal form is the manifest's camelCase with sets sorted and defaults left out, so it
      // is written as it is (a deep copy: the document must not share the observation's arrays).
      defaultUserSettings: settings && structuredClone(settings),
      domainSettings: normal.domainSettings && structuredClone(normal.domainSettings),
      defaultSpaceSettings: normal.defaultSpaceSettings && structuredClone(normal.defaultSpaceSettings),
      tagPropagation: normal.tagPropagation,
      tags: sortedMap(normal.tags),
    },
    comments,
    undefined,
    adopted ? { adopt: true } : undefined,
  );
}

/** The StudioUserProfile manifest of one live user profile (its domain is exported beside it). */
export function studioUserProfileDocument(resource: LiveResource): ExportedDocument {
  const normal = (resource.normal ?? {}) as NormalStudioUserProfile;
  return envelope('StudioUserProfile', resource.address.name, undefined, {
    domain: resource.address.domain,
    singleSignOnUser: normal.singleSignOnUser,
    userSettings: normal.userSettings && structuredClone(normal.userSettings),
    tags: sortedMap(normal.tags),
  });
}

/**
 * The StudioDomain manifests of an export read, in name order. Throws ExportError when anything
 * could not be read: an export that silently missed a domain would let a later prune delete it.
 */
export function studioExport(observation: Observation): ExportedDocument[] {
  if (!observation.complete) {
    const reasons = observation.failures.map((f) => `${f.operation} failed for ${f.scope}: ${f.message}`);
    throw new ExportError(`the Studio domains could not be read completely:\n  ${reasons.join('\n  ')}`);
  }
  const studios = observation.resources
    .filter((r) => r.address.kind === 'StudioDomain' && !r.address.account)
    .sort((a, b) => compare(a.address.name, b.address.name) || compare(a.id, b.id));
  const unread = studios.filter((r) => r.normal === undefined).map((r) => `StudioDomain/${r.address.name}`);
  const profiles = observation.resources
    .filter((r) => r.address.kind === 'StudioUserProfile')
    .sort((a, b) => compare(a.address.domain ?? '', b.address.domain ?? '') || compare(a.id, b.id));
  unread.push(
    ...profiles
      .filter((r) => r.normal === undefined && r.meta.readFailed)
      .map((r) => `StudioUserProfile/${r.address.name}`),
  );
  if (unread.length > 0) throw new ExportError(`could not read ${unread.join(', ')}`);
  return [...studios.map(studioDomainDocument), ...profiles.map(studioUserProfileDocument)];
}
