/** The inverse of the desired-side normalisation of FormType and MetadataRule (model/form-type.ts). */
import type { NormalFormType, NormalMetadataRule } from '../model/form-type.js';
import { compare, envelope, type ExportedDocument } from './document.js';

/** A FormType manifest; the default status (ENABLED) is left out. */
export function formTypeDocument(domain: string, name: string, normal: NormalFormType): ExportedDocument {
  return envelope('FormType', name, domain, {
    owningProject: normal.owningProject,
    description: normal.description,
    status: normal.status === 'ENABLED' ? undefined : normal.status,
    model: normal.model,
  });
}

const sorted = (v: 'ALL' | string[] | undefined) => (Array.isArray(v) ? [...v].sort(compare) : v);

/** A MetadataRule manifest; the default includeChildDomainUnits (false) is left out. */
export function metadataRuleDocument(
  domain: string,
  name: string,
  normal: NormalMetadataRule,
): ExportedDocument {
  return envelope('MetadataRule', name, domain, {
    domainUnit: normal.domainUnit,
    includeChildDomainUnits: normal.includeChildDomainUnits ? true : undefined,
    action: normal.action,
    requiredForms: [...normal.requiredForms].sort(compare),
    description: normal.description,
    scope: {
      projects: sorted(normal.scope.projects),
      assetTypes: sorted(normal.scope.assetTypes),
      dataProduct: normal.scope.dataProduct,
    },
  });
}
