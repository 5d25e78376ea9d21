/**
 * The manifest model (MANIFESTS.md, v1alpha1) as TypeScript types. The JSON Schemas in
 * `schemas/` are the source of truth for the shape; these types describe documents that passed
 * them, so later stages can read fields without re-checking.
 */

/** The nine kinds of v1alpha1, in creation order (the planner's KIND_ORDER relies on it). */
export const MANIFEST_KINDS = [
  'Domain',
  'DomainUnit',
  'AccountAssociation',
  'BlueprintConfiguration',
  'AccountPool',
  'ProjectProfile',
  'Project',
  'Glossary',
  // Added by issue 15: a form type after its owning project, a rule after its unit and form types.
  'FormType',
  'MetadataRule',
  'StudioDomain',
  // Added by issue 16: after StudioDomain, so a profile's domain exists first.
  'StudioUserProfile',
  'Policy',
  // Added by issue 15 (governance); after Project so a grant's units, profiles and projects exist first.
  'PolicyGrant',
  // Added by issue 15: after Glossary, so a term's glossary exists first (and its deletes run before it).
  'GlossaryTerm',
] as const;

/** One of the nine kinds. */
export type ManifestKind = (typeof MANIFEST_KINDS)[number];

/** The only apiVersion of this format. */
export const API_VERSION = 'smus-gitops/v1alpha1';

/** Kinds that live inside a DataZone domain (and so carry metadata.domain). */
export const DOMAIN_SCOPED_KINDS: ReadonlySet<ManifestKind> = new Set([
  'DomainUnit',
  'AccountAssociation',
  'BlueprintConfiguration',
  'AccountPool',
  'ProjectProfile',
  'Project',
  'PolicyGrant',
  'Glossary',
  'FormType',
  'MetadataRule',
  'GlossaryTerm',
]);

/** `lifecycle` of any resource document. */
export interface Lifecycle {
  protect?: boolean;
  ensure?: 'present' | 'absent';
  /** Take over a live resource the tool did not create (StudioDomain without the ownership tag). */
  adopt?: boolean;
}

/** The envelope shared by every kind. */
export interface ManifestBase<K extends ManifestKind, S> {
  apiVersion: typeof API_VERSION;
  kind: K;
  metadata: { name: string; domain?: string };
  lifecycle?: Lifecycle;
  /**
   * The spec. For a tombstone (`lifecycle.ensure: absent`) only the identity fields are checked and
   * guaranteed (`region` of Domain and StudioDomain, `account` of BlueprintConfiguration): the
   * validator supplies `{}` when it is left out, and nothing but identity may be read from it.
   */
  spec: S;
}

/** True for a tombstone (`lifecycle.ensure: absent`): a document that carries only its identity. */
export function isTombstone(manifest: { lifecycle?: Lifecycle }): boolean {
  return manifest.lifecycle?.ensure === 'absent';
}

/** Domain spec. */
export interface DomainSpec {
  region: string;
  account?: string;
  description?: string;
  executionRole?: string;
  serviceRole?: string;
  kmsKey?: string;
  singleSignOn?: {
    type?: 'IAM_IDC' | 'DISABLED';
    userAssignment?: 'AUTOMATIC' | 'MANUAL';
    idcInstanceArn?: string;
  };
  /** Owners of the root domain unit (issue 15); absent = not managed. */
  owners?: UnitOwner[];
  tags?: Record<string, string>;
  reconcile?: { prune?: ManifestKind[]; protect?: string[]; maxDeletes?: number };
}

/** DomainUnit spec (the path is metadata.name). */
export interface DomainUnitSpec {
  description?: string;
  /** Owners (issue 15); absent = not managed. */
  owners?: UnitOwner[];
}

/** A domain unit owner: a user or a group, named like project members. */
export interface UnitOwner {
  user?: string;
  group?: string;
}

/** AccountAssociation spec (the account id is metadata.name). */
export interface AccountAssociationSpec {
  accountName?: string;
  access?: 'portal' | 'api';
  assumeRoleArn?: string;
  /** Read-only role of the account that plan, drift and export assume instead of `assumeRoleArn`. */
  readerRoleArn?: string;
  /** ExternalId the trust policies of both roles require. */
  externalId?: string;
}

/** BlueprintConfiguration spec (the blueprint name is metadata.name). */
export interface BlueprintConfigurationSpec {
  account?: string;
  enabledRegions: string[];
  provisioningRole?: string;
  manageAccessRole?: string;
  permissionBoundary?: string;
  regionalParameters?: Record<string, Record<string, string>>;
  globalParameters?: Record<string, string>;
}

/** One account of a static pool. */
export interface PoolAccount {
  id: string;
  name?: string;
  regions: string[];
}

/** AccountPool spec: static accounts or a custom handler. */
export interface AccountPoolSpec {
  description?: string;
  resolutionStrategy?: 'MANUAL';
  accounts?: PoolAccount[];
  customHandler?: { lambdaFunctionArn: string; lambdaExecutionRoleArn?: string };
}

/** Where a profile environment deploys: pools, a fixed account+region, or any associated account. */
export interface EnvironmentTarget {
  accountPools?: string[];
  account?: string;
  region?: string;
  allAssociatedAccounts?: boolean;
}

/** One environment configuration of a profile. */
export interface ProfileEnvironment {
  name: string;
  description?: string;
  blueprint: string;
  deploymentMode?: 'ON_CREATE' | 'ON_DEMAND';
  deploymentOrder?: number;
  target: EnvironmentTarget;
  parameters?: { name: string; value: string; editable?: boolean }[];
}

/** ProjectProfile spec. */
export interface ProjectProfileSpec {
  description?: string;
  status?: 'ENABLED' | 'DISABLED';
  domainUnit?: string;
  allowCustomProjectResourceTags?: boolean;
  projectResourceTagsDescription?: string;
  projectResourceTags?: { key: string; value: string; editable?: boolean }[];
  environments?: ProfileEnvironment[];
  /** A console pre-built profile (model/profile-templates.ts), expanded into `environments` at validation. */
  template?: string;
  /** Where every environment of the template deploys. */
  templateTarget?: EnvironmentTarget;
}

/** An account and region a project deploys to. */
export interface ProjectTarget {
  account: string;
  region: string;
}

/** A project member: a user or a group, with a designation. */
export interface ProjectMember {
  user?: string;
  group?: string;
  designation: string;
}

/** Project spec. */
export interface ProjectSpec {
  description?: string;
  /** Absent for a project without a profile (it has no environments). Immutable. */
  profile?: string;
  domainUnit?: string;
  target?: ProjectTarget;
  environments?: { name: string; target?: ProjectTarget; parameters?: Record<string, string> }[];
  resourceTags?: Record<string, string>;
  members?: ProjectMember[];
}

/** Glossary spec (docs/metadata.md): a business glossary owned by a project of the domain. */
export interface GlossarySpec {
  /** The owning Project manifest's name. Immutable (UpdateGlossary cannot change it). */
  owningProject: string;
  description?: string;
  /** Default ENABLED. */
  status?: 'ENABLED' | 'DISABLED';
  /** Immutable (UpdateGlossary cannot change it). */
  usageRestrictions?: 'ASSET_GOVERNED_TERMS'[];
}

/** FormType spec (docs/metadata.md): a metadata form type owned by a project of the domain. */
export interface FormTypeSpec {
  /** The owning Project manifest's name. Immutable (a form type never changes project). */
  owningProject: string;
  /** The Smithy model text (model.smithy); a change makes a new revision. */
  model: string;
  description?: string;
  /** Default ENABLED. */
  status?: 'ENABLED' | 'DISABLED';
}

/** MetadataRule spec (docs/metadata.md): a METADATA_FORM_ENFORCEMENT rule on a domain unit. */
export interface MetadataRuleSpec {
  /** Path of the target DomainUnit manifest (e.g. `Sales/EMEA`); unset is the root unit. Immutable. */
  domainUnit?: string;
  /** Default false; UpdateRule changes it. */
  includeChildDomainUnits?: boolean;
  /** The workflow the rule enforces on. Immutable. */
  action: 'CREATE_LISTING_CHANGE_SET' | 'CREATE_SUBSCRIPTION_REQUEST';
  /** FormType manifest names (1-5). */
  requiredForms: string[];
  description?: string;
  /** Which projects and asset types the rule applies to (default: all projects). */
  scope?: {
    projects?: 'ALL' | string[];
    assetTypes?: 'ALL' | string[];
    dataProduct?: boolean;
  };
}

/** GlossaryTerm spec (docs/metadata.md): a term of a glossary of the same domain. */
export interface GlossaryTermSpec {
  /** The Glossary manifest's name: part of the identity (term names are unique per glossary). */
  glossary: string;
  shortDescription?: string;
  longDescription?: string;
  /** Default ENABLED. */
  status?: 'ENABLED' | 'DISABLED';
  /** Other terms of the same glossary, by name (TermRelations). */
  relations?: { isA?: string[]; classifies?: string[] };
}

/** StudioDomain spec. */
export interface StudioDomainSpec {
  region: string;
  /** The account the domain lives in (default: the caller's); reached through `assumeRoleArn` or an AccountAssociation's role. */
  account?: string;
  /** Role the tool assumes in `account` (overrides the role of an AccountAssociation for that account). */
  assumeRoleArn?: string;
  /** Read-only role of `account` that plan, drift and export assume instead of `assumeRoleArn`. */
  readerRoleArn?: string;
  /** ExternalId the trust policies of both roles require. */
  externalId?: string;
  authMode: 'IAM' | 'SSO';
  vpcId?: string;
  subnetIds?: string[];
  appNetworkAccessType?: 'VpcOnly' | 'PublicInternetOnly';
  kmsKeyId?: string;
  /** UserSettings in camelCase (model/studio-settings.ts USER_SETTINGS lists every member). */
  defaultUserSettings?: { executionRole?: string; securityGroups?: string[]; [member: string]: unknown };
  /** DomainSettings in camelCase (DOMAIN_SETTINGS). */
  domainSettings?: { [member: string]: unknown };
  /** DefaultSpaceSettings in camelCase (SPACE_SETTINGS). */
  defaultSpaceSettings?: { [member: string]: unknown };
  tagPropagation?: 'ENABLED' | 'DISABLED';
  tags?: Record<string, string>;
}

/**
 * StudioUserProfile spec (issue 16): one user of a Studio domain of the caller's account. The
 * profile's name is `metadata.name` (UserProfileName); `domain` names the StudioDomain manifest.
 */
export interface StudioUserProfileSpec {
  /** The StudioDomain manifest's name. Immutable (part of the identity). */
  domain: string;
  /** IAM Identity Center user name; only for a domain whose authMode is SSO. Immutable. */
  singleSignOnUser?: string;
  /** UserSettings in camelCase, overriding the domain's defaultUserSettings (USER_SETTINGS). */
  userSettings?: { executionRole?: string; securityGroups?: string[]; [member: string]: unknown };
  tags?: Record<string, string>;
}

/** Ownership policy of Studio user profiles of the managed Studio domains (see Policy). */
export interface StudioUserProfileReconcile {
  /** Delete undeclared user profiles of declared Studio domains. */
  prune?: boolean;
  /** Addresses (`StudioUserProfile/name`, globs) never deleted or replaced. */
  protect?: string[];
}

/** One guardrail rule. */
export interface PolicyRule {
  id: string;
  kinds: ManifestKind[];
  message?: string;
  severity?: 'error' | 'warning';
  assert: unknown;
}

/** One (account, region) where a repository owns every Studio domain (see StudioReconcile). */
export interface StudioPruneScope {
  /** Default: the caller's account. */
  account?: string;
  region: string;
  /** Role to assume in `account` when no StudioDomain or AccountAssociation declares one. */
  assumeRoleArn?: string;
}

/**
 * Ownership policy of Studio domains, which belong to no DataZone domain (so `Domain.spec.reconcile`
 * cannot cover them): undeclared Studio domains in a `prune` scope are deleted, `protect` globs are
 * never deleted or replaced, and `maxDeletes` caps Studio-domain deletes in one plan.
 */
export interface StudioReconcile {
  prune?: StudioPruneScope[];
  protect?: string[];
  maxDeletes?: number;
}

/** Policy spec: guardrail rules and/or the Studio-domain ownership policy. */
export interface PolicySpec {
  rules?: PolicyRule[];
  reconcile?: { studioDomains?: StudioReconcile; studioUserProfiles?: StudioUserProfileReconcile };
}

/** The managed policy types a grant on a domain unit can carry (ManagedPolicyType, model). */
export const UNIT_POLICY_TYPES = [
  'CREATE_DOMAIN_UNIT',
  'OVERRIDE_DOMAIN_UNIT_OWNERS',
  'ADD_TO_PROJECT_MEMBER_POOL',
  'OVERRIDE_PROJECT_OWNERS',
  'CREATE_GLOSSARY',
  'CREATE_FORM_TYPE',
  'CREATE_ASSET_TYPE',
  'CREATE_PROJECT',
  'CREATE_ENVIRONMENT_PROFILE',
  'CREATE_PROJECT_FROM_PROJECT_PROFILE',
] as const;

/** One managed policy type of a domain-unit grant. */
export type UnitPolicyType = (typeof UNIT_POLICY_TYPES)[number];

/**
 * The managed policy types granted on a blueprint configuration (entity type
 * ENVIRONMENT_BLUEPRINT_CONFIGURATION, id `ACCOUNT:BLUEPRINT_ID`): who may create environments
 * from the blueprint in that account, and who may manage its environment profiles. Projects of a
 * Unified Studio domain use a blueprint only through such a grant.
 */
export const BLUEPRINT_POLICY_TYPES = [
  'CREATE_ENVIRONMENT_FROM_BLUEPRINT',
  'DELEGATE_CREATE_ENVIRONMENT_PROFILE',
] as const;

/** One managed policy type of a blueprint-configuration grant. */
export type BlueprintPolicyType = (typeof BLUEPRINT_POLICY_TYPES)[number];

/** Whether a policy type is granted on a blueprint configuration rather than a domain unit. */
export function isBlueprintPolicy(policy: string): policy is BlueprintPolicyType {
  return (BLUEPRINT_POLICY_TYPES as readonly string[]).includes(policy);
}

/**
 * Who a grant is for: exactly one member. `user`/`group` by name (IdC user name or IAM ARN, IdC
 * group name), `allUsers`, one project by name or every project of a unit, or the owners of a unit
 * (`domainUnitOwners: '*'` for the owners of every unit).
 */
export interface GrantPrincipal {
  user?: string;
  group?: string;
  allUsers?: boolean;
  project?: {
    name?: string;
    domainUnit?: string;
    includeChildDomainUnits?: boolean;
    designation: 'OWNER' | 'CONTRIBUTOR' | 'PROJECT_CATALOG_STEWARD';
  };
  domainUnitOwners?: string;
}

/** PolicyGrant spec: one authorization policy grant on a domain unit (root when unset) or a blueprint configuration. */
export interface PolicyGrantSpec {
  policy: UnitPolicyType | BlueprintPolicyType;
  domainUnit?: string;
  /** Blueprint policy types only: the configuration of this blueprint (by name) in this account. */
  blueprintConfiguration?: { blueprint: string; account: string };
  principal: GrantPrincipal;
  includeChildDomainUnits?: boolean;
  /** CREATE_PROJECT_FROM_PROJECT_PROFILE only: the profiles (by name) projects may be created from. */
  projectProfiles?: string[];
}

/** Any valid manifest document. */
export type Manifest =
  | ManifestBase<'Domain', DomainSpec>
  | ManifestBase<'DomainUnit', DomainUnitSpec>
  | ManifestBase<'AccountAssociation', AccountAssociationSpec>
  | ManifestBase<'BlueprintConfiguration', BlueprintConfigurationSpec>
  | ManifestBase<'AccountPool', AccountPoolSpec>
  | ManifestBase<'ProjectProfile', ProjectProfileSpec>
  | ManifestBase<'Project', ProjectSpec>
  | ManifestBase<'Glossary', GlossarySpec>
  | ManifestBase<'FormType', FormTypeSpec>
  | ManifestBase<'MetadataRule', MetadataRuleSpec>
  | ManifestBase<'StudioDomain', StudioDomainSpec>
  | ManifestBase<'StudioUserProfile', StudioUserProfileSpec>
  | ManifestBase<'Policy', PolicySpec>
  | ManifestBase<'PolicyGrant', PolicyGrantSpec>
  | ManifestBase<'GlossaryTerm', GlossaryTermSpec>;

/** The manifest of one kind. */
export type ManifestOf<K extends ManifestKind> = Extract<Manifest, { kind: K }>;

/** Reports an impossible case at compile time (exhaustive switches end here). */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
