/**
 * Exports a live policy grant as a PolicyGrant manifest. A grant has no name in AWS, so the
 * document's label (metadata.name) is made from its natural key; the plan matches it on the key
 * (domain unit, policy type, principal), never on the label.
 */
import type { LiveResource } from '../live/types.js';
import type { NormalPolicyGrant } from '../model/policy-grant.js';
import { envelope, type ExportedDocument } from './document.js';
import { slug } from './slug.js';

/** The PolicyGrant manifest of a live grant; `fail` (build's ExportError) when its principal could not be named. */
export function policyGrantDocument(
  domain: string,
  r: LiveResource,
  fail: (message: string) => never,
): ExportedDocument {
  const normal = r.normal as NormalPolicyGrant | undefined;
  if (normal === undefined) fail(`could not name the principal of grant ${r.id}`);
  const body: Record<string, unknown> = {
    policy: normal.policy,
    domainUnit: normal.domainUnit,
    blueprintConfiguration: normal.blueprintConfiguration,
    principal: normal.principal,
    includeChildDomainUnits: normal.includeChildDomainUnits || undefined,
    projectProfiles: normal.projectProfiles,
  };
  return envelope('PolicyGrant', slug(r.address.name).slice(0, 128), domain, body);
}
