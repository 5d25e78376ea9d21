/**
 * The normalised FormType and MetadataRule (docs/metadata.md), shared by the desired side
 * (plan/normalize-desired.ts) and the live readers (live/form-types.ts, live/metadata-rules.ts)
 * so that both sides fill the same defaults and compare Smithy text the same way.
 */
import type { FormTypeSpec, MetadataRuleSpec } from './manifest.js';
import { compact } from './normalized.js';

/** FormType (identity: domain + name). `owningProject` is immutable; the rest makes a new revision. */
export interface NormalFormType {
  /** The owning project's name. */
  owningProject: string;
  /** The Smithy model text, normalised by `normalizeSmithy`. */
  model: string;
  description?: string;
  status: 'ENABLED' | 'DISABLED';
}

/**
 * Smithy text as compared: line endings normalised to `\n` and trailing whitespace trimmed (per
 * line and at the end), so that a YAML block scalar and the text DataZone answers compare equal
 * when only invisible whitespace differs.
 */
export function normalizeSmithy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

/** The normal value of a FormType manifest's spec (status defaults to ENABLED). */
export function normalizeFormType(spec: FormTypeSpec): NormalFormType {
  return compact({
    owningProject: spec.owningProject,
    model: normalizeSmithy(spec.model),
    description: spec.description,
    status: spec.status ?? 'ENABLED',
  });
}

/** The scope of a rule: `ALL` or a list of names (projects) or asset type identifiers. */
export interface NormalRuleScope {
  projects?: 'ALL' | string[];
  assetTypes?: 'ALL' | string[];
  dataProduct?: boolean;
}

/** MetadataRule (identity: domain + name). `domainUnit` and `action` are immutable. */
export interface NormalMetadataRule {
  /** Path of the target unit (`Sales/EMEA`); unset for the root unit. */
  domainUnit?: string;
  includeChildDomainUnits: boolean;
  action: string;
  /**
   * Required form type names. A live rule that requires an older revision than the form type's
   * latest shows the name with `@<revision>` so the plan reports it and apply re-points it.
   */
  requiredForms: string[];
  description?: string;
  scope: NormalRuleScope;
}

/** The normal value of a MetadataRule manifest's spec. */
export function normalizeMetadataRule(spec: MetadataRuleSpec): NormalMetadataRule {
  const scope = spec.scope ?? {};
  return compact({
    domainUnit: spec.domainUnit,
    includeChildDomainUnits: spec.includeChildDomainUnits ?? false,
    action: spec.action,
    requiredForms: [...spec.requiredForms],
    description: spec.description,
    scope: {
      projects: Array.isArray(scope.projects) ? [...scope.projects] : scope.projects,
      assetTypes: Array.isArray(scope.assetTypes) ? [...scope.assetTypes] : scope.assetTypes,
      dataProduct: scope.dataProduct,
    },
  });
}
