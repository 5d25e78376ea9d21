/**
 * What the planner knows per kind: the order resources are created in (DESIGN §5), how their
 * normalised values compare (sets, keyed lists), and which fields cannot change in place.
 */
import type { DiffRules } from '../diff/diff.js';
import { MANIFEST_KINDS, type ManifestKind } from '../model/manifest.js';
import { PROFILE_SETTING_SETS, STUDIO_SETTING_SETS } from '../model/studio-settings.js';

/**
 * Resource kinds in creation order; deletes run in reverse. MANIFEST_KINDS is declared in that
 * order already; Policy is not a resource.
 */
export const KIND_ORDER: readonly ManifestKind[] = MANIFEST_KINDS.filter((kind) => kind !== 'Policy');

const RANKS = new Map(KIND_ORDER.map((kind, i) => [kind, i]));

/** Position of a kind in KIND_ORDER (its length for a kind not in it). */
export function kindRank(kind: ManifestKind): number {
  return RANKS.get(kind) ?? KIND_ORDER.length;
}

/** How values of each kind compare. */
export const DIFF_RULES: Readonly<Record<ManifestKind, DiffRules>> = {
  Domain: { '/owners': { kind: 'itemized' } },
  DomainUnit: { '/owners': { kind: 'itemized' } },
  AccountAssociation: {},
  BlueprintConfiguration: { '/enabledRegions': { kind: 'set' } },
  AccountPool: { '/accounts': { kind: 'keyed', key: 'id' }, '/accounts/*/regions': { kind: 'set' } },
  ProjectProfile: {
    '/environments': { kind: 'keyed', key: 'name' },
    '/environments/*/target/accountPools': { kind: 'set' },
    '/environments/*/parameters': { kind: 'keyed', key: 'name' },
    '/projectResourceTags': { kind: 'keyed', key: 'key' },
  },
  Project: {
    '/environments': { kind: 'keyed', key: 'name' },
    '/members': { kind: 'keyed', key: 'member' },
  },
  Glossary: { '/usageRestrictions': { kind: 'set' } },
  FormType: {},
  // The API keeps the order of required forms, but it means nothing: compared as sets.
  MetadataRule: {
    '/requiredForms': { kind: 'set' },
    '/scope/projects': { kind: 'set' },
    '/scope/assetTypes': { kind: 'set' },
  },
  StudioDomain: {
    '/subnetIds': { kind: 'set' },
    '/defaultUserSettings/securityGroups': { kind: 'set' },
    ...STUDIO_SETTING_SETS,
  },
  StudioUserProfile: { ...PROFILE_SETTING_SETS },
  Policy: {},
  PolicyGrant: { '/projectProfiles': { kind: 'set' } },
  GlossaryTerm: { '/relations/isA': { kind: 'set' }, '/relations/classifies': { kind: 'set' } },
};

/**
 * Fields that cannot be updated in place (reference §13): a change to any path under these is a
 * replace. `*` matches one segment (an environment name for projects).
 */
export const IMMUTABLE_PATHS: Readonly<Record<ManifestKind, readonly string[]>> = {
  Domain: ['/kmsKey'],
  DomainUnit: [],
  AccountAssociation: [],
  BlueprintConfiguration: [],
  AccountPool: [],
  ProjectProfile: [],
  Project: ['/profile', '/environments/*/target'],
  // UpdateGlossary has no owningProjectIdentifier or usageRestrictions member.
  Glossary: ['/owningProject', '/usageRestrictions'],
  // CreateFormType with the same name only makes a new revision in the same project.
  FormType: ['/owningProject'],
  // UpdateRuleInput has name, description, scope, detail and includeChildDomainUnits only.
  MetadataRule: ['/domainUnit', '/action'],
  StudioDomain: ['/authMode', '/vpcId', '/kmsKeyId'],
  // UpdateUserProfileRequest carries only UserSettings: the SSO identity forces a replace.
  StudioUserProfile: ['/singleSignOnUser'],
  Policy: [],
  // The API has no update of a grant: any detail change is remove + add.
  PolicyGrant: ['/includeChildDomainUnits', '/projectProfiles'],
  // UpdateGlossaryTerm has every other member; the glossary is part of the identity (a new term).
  GlossaryTerm: [],
};

/**
 * Fields of versioned kinds whose change records a new revision rather than editing the current
 * one (a FormType has no update call: CreateFormType with the same name makes revision n+1).
 */
export const REVISION_PATHS: Readonly<Partial<Record<ManifestKind, readonly string[]>>> = {
  FormType: ['/model', '/description'],
};

/** True when `path` is, or is inside, one of the immutable patterns of the kind. */
export function isImmutablePath(kind: ManifestKind, path: string): boolean {
  const segments = path.split('/');
  return IMMUTABLE_PATHS[kind].some((pattern) => {
    const p = pattern.split('/');
    // A whole keyed item added or removed (`/environments/Tooling`) is not a target change by itself.
    return p.length <= segments.length && p.every((seg, i) => seg === '*' || seg === segments[i]);
  });
}
