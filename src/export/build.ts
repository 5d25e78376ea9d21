/**
 * Turns what the live readers observed in one domain into manifests: one document per live
 * resource, in the planner's kind order and then by identity, so the same live state always gives
 * the same output. What cannot round-trip (an id that resolved to no name, an SSM-parameter
 * target) is reported as a warning rather than silently dropped; a resource whose deployment or
 * lifecycle operation failed carries a remark naming the status and why.
 */
import { identityKey } from '../model/identity.js';
import { assertNever } from '../model/manifest.js';
import type {
  NormalAccountAssociation,
  NormalAccountPool,
  NormalBlueprintConfiguration,
  NormalDomain,
  NormalDomainUnit,
  NormalProject,
  NormalProjectProfile,
} from '../model/normalized.js';
import type { LiveResource, Observation } from '../live/types.js';
import { kindRank } from '../plan/kinds.js';
import { compare, type ExportedDocument } from './document.js';
import {
  accountAssociationDocument,
  accountPoolDocument,
  blueprintConfigurationDocument,
  domainDocument,
  domainUnitDocument,
} from './domain-kinds.js';
import { policyGrantDocument } from './governance-grants.js';
import { projectDocument, projectProfileDocument } from './project-kinds.js';
import { statusRemark } from './remarks.js';
import { glossaryDocument, glossaryTermDocument } from './glossary-kinds.js';
import type { NormalGlossary } from '../model/glossary.js';
import type { NormalFormType, NormalMetadataRule } from '../model/form-type.js';
import { formTypeDocument, metadataRuleDocument } from './form-kinds.js';
import type { NormalGlossaryTerm } from '../model/glossary-term.js';

/** The manifests of a domain, and what in them will not round-trip. */
export interface ExportResult {
  documents: ExportedDocument[];
  warnings: string[];
}

/** Why an export cannot be made at all. */
export class ExportError extends Error {}

/** Values the live readers write for what has no manifest form (an unresolved id, an SSM path). */
const UNEXPRESSIBLE = /"(id|ssm):[^"]*"/g;

function profileLookup(resources: readonly LiveResource[]) {
  const profiles = new Map(
    resources
      .filter((r) => r.address.kind === 'ProjectProfile')
      .map((r) => [r.address.name, r.normal as NormalProjectProfile | undefined]),
  );
  return (name: string) => profiles.get(name);
}

/** Account names known from the pools (a label for the associations, which RAM does not name). */
function accountNames(resources: readonly LiveResource[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of resources) {
    if (r.address.kind !== 'AccountPool') continue;
    for (const a of (r.normal as NormalAccountPool | undefined)?.accounts ?? []) {
      if (a.name && !names.has(a.id)) names.set(a.id, a.name);
    }
  }
  return names;
}

/**
 * The manifests of `domain` as observed. `account` is the domain's account (the caller's, from
 * STS): written as the Domain's guard and left out of blueprint configurations of that account.
 * `roles`: the role the read assumed in each associated account, written as its assumeRoleArn.
 * Throws ExportError when the domain was not found or something in it could not be read.
 */
export function buildExport(
  observation: Observation,
  domain: string,
  account: string,
  roles: ReadonlyMap<string, string> = new Map(),
): ExportResult {
  if (!observation.complete) {
    const reasons = observation.failures.map((f) => `${f.operation} failed for ${f.scope}: ${f.message}`);
    throw new ExportError(`the domain could not be read completely:\n  ${reasons.join('\n  ')}`);
  }
  const resources = observation.resources.filter((r) =>
    r.address.kind === 'Domain' ? r.address.name === domain : r.address.domain === domain,
  );
  const domainResource = resources.find((r) => r.address.kind === 'Domain');
  if (!domainResource) throw new ExportError(`no live domain is named ${domain}`);
  const unread = resources.filter((r) => r.normal === undefined).map((r) => identityKey(r.address));
  if (unread.length > 0) throw new ExportError(`could not read ${unread.join(', ')}`);

  const profile = profileLookup(resources);
  const names = accountNames(resources);
  const ordered = [...resources].sort(
    (a, b) => kindRank(a.address.kind) - kindRank(b.address.kind) || compare(a.key, b.key),
  );
  const documents = ordered.map((r): ExportedDocument => {
    const name = r.address.name;
    switch (r.address.kind) {
      case 'Domain':
        return domainDocument(
          name,
          r.address.region ?? '',
          account,
          r.normal as NormalDomain,
          observation.caller.principalArn,
        );
      case 'DomainUnit':
        return domainUnitDocument(
          domain,
          name,
          r.normal as NormalDomainUnit,
          observation.caller.principalArn,
        );
      case 'AccountAssociation':
        return accountAssociationDocument(
          domain,
          name,
          r.normal as NormalAccountAssociation,
          names.get(name),
          roles.get(name),
        );
      case 'BlueprintConfiguration':
        return blueprintConfigurationDocument(
          domain,
          name,
          r.address.account,
          account,
          r.normal as NormalBlueprintConfiguration,
        );
      case 'AccountPool':
        return accountPoolDocument(domain, name, r.normal as NormalAccountPool);
      case 'ProjectProfile':
        return projectProfileDocument(domain, name, r.normal as NormalProjectProfile);
      case 'Project': {
        const project = r.normal as NormalProject;
        return projectDocument(domain, name, project, profile(project.profile));
      }
      case 'PolicyGrant':
        return policyGrantDocument(domain, r, (message) => {
          throw new ExportError(message);
        });
      case 'Glossary':
        return glossaryDocument(domain, name, r.normal as NormalGlossary);
      case 'FormType':
        return formTypeDocument(domain, name, r.normal as NormalFormType);
      case 'MetadataRule':
        return metadataRuleDocument(domain, name, r.normal as NormalMetadataRule);
      case 'GlossaryTerm':
        return glossaryTermDocument(domain, name, r.normal as NormalGlossaryTerm);
      case 'StudioDomain':
      case 'StudioUserProfile':
      case 'Policy':
        throw new ExportError(`${r.address.kind} is not part of a domain export`);
      default:
        return assertNever(r.address.kind);
    }
  });
  // A failed resource is exported as it is, with a remark saying so (see remarks.ts).
  ordered.forEach((r, i) => documents[i]?.comments.push(...statusRemark(r)));
  const warnings = documents.flatMap((d) => {
    const found = JSON.stringify(d.body).match(UNEXPRESSIBLE) ?? [];
    return [...new Set(found)].map(
      (value) =>
        `${d.kind}/${d.name}: ${value} has no manifest form (an id that resolved to no name, or an SSM parameter); edit it before applying`,
    );
  });
  return { documents, warnings };
}
