/**
 * DataZone's slice of the emulator world. Records keep what the service stores, close to the
 * model's output shapes, with instants as epoch milliseconds so the world stays plain JSON.
 * Async states are not stored as "current status": a record keeps the instants at which it
 * entered a phase, and readers derive the status from the emulated clock. That makes the clock
 * control endpoint and a restart from a state file behave alike.
 */
import type { EnvironmentConfiguration } from '@aws-sdk/client-datazone';
import type { GlossaryRecord } from './glossaries.js';
import type { FormTypeRecord } from './form-types.js';
import type { RuleRecord } from './rules.js';
import type { GlossaryTermRecord } from './glossary-terms.js';
import type { EmulatorWorld } from '../../types.js';
import type { TokenRecord } from '../idempotency.js';

/** A V2 domain, owned by one account in one region. */
export interface DomainRecord {
  id: string;
  arn: string;
  accountId: string;
  region: string;
  name: string;
  description?: string;
  singleSignOn?: { type?: string; userAssignment?: string; idcInstanceArn?: string };
  domainExecutionRole?: string;
  serviceRole?: string;
  kmsKeyIdentifier?: string;
  domainVersion: 'V1' | 'V2';
  rootDomainUnitId: string;
  portalUrl: string;
  tags: Record<string, string>;
  createdAt: number;
  lastUpdatedAt: number;
  /** When set, the domain is DELETING since this instant (gone once the delete duration passes). */
  deletingSince?: number;
  /** Reads answered not-found so far (readAfterCreateMisses quirk). */
  missesServed?: number;
}

/** A domain unit; the root unit has no parent. */
export interface DomainUnitRecord {
  id: string;
  domainId: string;
  name: string;
  description?: string;
  parentDomainUnitId?: string;
  createdAt: number;
  lastUpdatedAt: number;
  createdBy: string;
  lastUpdatedBy?: string;
  /** Owners (AddEntityOwner); unset means the creator alone, as DataZone records on create. */
  owners?: EntityOwnerRecord[];
}

/** One owner of a domain unit: a user or a group profile id. */
export type EntityOwnerRecord = { user: string } | { group: string };

/**
 * One policy grant (AddPolicyGrant). Grants have no name: the API keys them by a generated id and
 * lists them per entity and policy type. Principal and detail are stored as the model's unions,
 * with user and group identifiers resolved to profile ids.
 */
export interface PolicyGrantRecord {
  grantId: string;
  domainId: string;
  entityType: string;
  entityIdentifier: string;
  policyType: string;
  principal: Record<string, unknown>;
  detail: Record<string, unknown>;
  createdAt: number;
  createdBy: string;
}

/** An account pool: a static list of accounts or a custom Lambda handler. */
export interface AccountPoolRecord {
  id: string;
  domainId: string;
  name: string;
  description?: string;
  resolutionStrategy: string;
  accountSource: {
    accounts?: { awsAccountId: string; supportedRegions: string[]; awsAccountName?: string }[];
    customAccountPoolHandler?: { lambdaFunctionArn: string; lambdaExecutionRoleArn?: string };
  };
  domainUnitId: string;
  createdBy: string;
  updatedBy?: string;
  createdAt: number;
  lastUpdatedAt: number;
}

/** A project profile with its environment configurations as the API returns them. */
export interface ProjectProfileRecord {
  id: string;
  domainId: string;
  name: string;
  description?: string;
  status: 'ENABLED' | 'DISABLED';
  projectResourceTags?: { key: string; value: string; isValueEditable: boolean }[];
  allowCustomProjectResourceTags?: boolean;
  projectResourceTagsDescription?: string;
  /** Modelled `EnvironmentConfiguration` objects (ids included, regenerated on every update). */
  environmentConfigurations: EnvironmentConfiguration[];
  domainUnitId: string;
  createdBy: string;
  createdAt: number;
  lastUpdatedAt: number;
}

/** A project and its memberships. */
export interface ProjectRecord {
  id: string;
  domainId: string;
  name: string;
  description?: string;
  /** Project resource tags as the API outputs them (source PROJECT or PROJECT_PROFILE). */
  resourceTags: { key: string; value: string; source: 'PROJECT' | 'PROJECT_PROFILE' }[];
  glossaryTerms?: string[];
  domainUnitId: string;
  projectProfileId?: string;
  userParameters?: Record<string, unknown>[];
  projectCategory?: string;
  projectExecutionRole?: string;
  createdBy: string;
  createdAt: number;
  lastUpdatedAt: number;
  /** Deployment of ON_CREATE environments starts here; status derives from the clock. */
  deploymentStartedAt?: number;
  /** Set at create time when the deployment is known to fail (e.g. blueprint not enabled). */
  deploymentFailure?: {
    status: 'FAILED_VALIDATION' | 'FAILED_DEPLOYMENT';
    /** By environment configuration name, as `environmentFailureReasons` outputs them. */
    reasons: Record<string, { code: string; message: string }[]>;
  };
  /** False when the project's profile has no ON_CREATE environment (nothing to deploy). */
  hasDeployment?: boolean;
  deletingSince?: number;
  /** Set when an injected fault fails this deletion: DELETE_FAILED once the delete duration passes. */
  deleteFailure?: { code: string; message: string }[];
  /** Set when an injected fault failed the last update: UPDATE_FAILED until an update succeeds. */
  updateFailure?: { code: string; message: string }[];
  missesServed?: number;
  memberships: { member: { userId?: string; groupId?: string }; designation: string }[];
}

/** A DataZone user profile (IAM principal or IdC user), created on first reference. */
export interface UserProfileRecord {
  id: string;
  domainId: string;
  type: 'IAM' | 'SSO';
  status: string;
  /** IAM ARN for IAM users; user name for SSO users. */
  identifier: string;
  /** Opaque principal id of an IAM principal (AROA…/AIDA…), as DataZone reports it. */
  principalId?: string;
}

/** A DataZone group profile (IdC group). */
export interface GroupProfileRecord {
  id: string;
  domainId: string;
  groupName: string;
  status: string;
}

/** A managed environment blueprint, created per domain with per-domain ids. */
export interface BlueprintRecord {
  id: string;
  domainId: string;
  name: string;
  description: string;
  provider: string;
  templateUrl: string;
  createdAt: number;
  updatedAt: number;
}

/** A blueprint configuration, owned by the account that put it (the caller). */
export interface BlueprintConfigurationRecord {
  domainId: string;
  accountId: string;
  environmentBlueprintId: string;
  enabledRegions: string[];
  provisioningRoleArn?: string;
  manageAccessRoleArn?: string;
  environmentRolePermissionBoundary?: string;
  regionalParameters?: Record<string, Record<string, string>>;
  /** Write-only in the API: stored, never returned. */
  globalParameters?: Record<string, string>;
  provisioningConfigurations?: unknown[];
  createdAt: number;
  updatedAt: number;
}

/** DataZone state, keyed by id for direct lookups. */
export interface DataZoneState {
  domains: Record<string, DomainRecord>;
  domainUnits: Record<string, DomainUnitRecord>;
  accountPools: Record<string, AccountPoolRecord>;
  projectProfiles: Record<string, ProjectProfileRecord>;
  projects: Record<string, ProjectRecord>;
  userProfiles: Record<string, UserProfileRecord>;
  groupProfiles: Record<string, GroupProfileRecord>;
  blueprints: Record<string, BlueprintRecord>;
  /** Keyed by `${domainId}/${accountId}/${environmentBlueprintId}`. */
  blueprintConfigurations: Record<string, BlueprintConfigurationRecord>;
  /** What a custom account-pool Lambda answers, by function ARN (set through the control hook). */
  lambdaAccounts: Record<
    string,
    { awsAccountId: string; supportedRegions: string[]; awsAccountName?: string }[]
  >;
  /** IAM Identity Center user names known to the emulated directory (set through the control hook). */
  ssoUsers?: string[];
  /**
   * IAM Identity Center group names known to the emulated directory (set through the control
   * hook). Unset: every validly named group exists, as before the hook (older state files, tests
   * that never register groups); set: any other group name is ResourceNotFoundException.
   */
  ssoGroups?: string[];
  /** Client-token ledger, keyed by `${operation}|${accountId}|${region}|${clientToken}`. */
  idempotency?: Record<string, TokenRecord>;
  /** Quota overrides (set through the control hook) so tests can reach a quota in a few calls. */
  quotas?: Partial<Record<string, number>>;
  /** Policy grants by grant id (optional so older state files load). */
  policyGrants?: Record<string, PolicyGrantRecord>;
  /** Business glossaries (glossaries.ts), created on first use. */
  glossaries?: Record<string, GlossaryRecord>;
  /** Metadata form types by `${domainId}/${name}` (form-types.ts), created on first use. */
  formTypes?: Record<string, FormTypeRecord>;
  /** Metadata enforcement rules by id (rules.ts), created on first use. */
  rules?: Record<string, RuleRecord>;
  /** Business glossary terms (glossary-terms.ts), created on first use. */
  glossaryTerms?: Record<string, GlossaryTermRecord>;
  /** Terms created so far: the sequence term ids are derived from (glossary-terms.ts). */
  glossaryTermSeq?: number;
}

/** Returns DataZone's slice of the world, creating it empty on first use. */
export function dataZoneState(world: EmulatorWorld): DataZoneState {
  const existing = world.services.datazone as DataZoneState | undefined;
  if (existing) return existing;
  const fresh: DataZoneState = {
    domains: {},
    domainUnits: {},
    accountPools: {},
    projectProfiles: {},
    projects: {},
    userProfiles: {},
    groupProfiles: {},
    blueprints: {},
    blueprintConfigurations: {},
    lambdaAccounts: {},
  };
  world.services.datazone = fresh;
  return fresh;
}
