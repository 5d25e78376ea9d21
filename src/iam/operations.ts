/**
 * THE table: every SDK operation the tool calls (service + command name, as the emulator counts
 * them: `datazone.CreateProject`) mapped to the IAM actions it needs, whether it changes anything,
 * the resource scope IAM can check it against, and the roles it passes. The tool's policy
 * (`iam-policy --mode plan|apply`) is generated from this table alone; test/iam checks that
 * every `new XxxCommand(` in src/ has a row and that every operation the suite sends is allowed.
 */
import type { ResourceScope } from './scopes.js';

/** The AWS services the tool talks to (the emulator's service names). */
export type IamService = 'datazone' | 'ram' | 'sagemaker' | 'sts';

/** A role an operation hands to a service, so the caller needs `iam:PassRole` on it. */
export interface PassedRole {
  /** The service the role is passed to (the scope that carries the `iam:PassedToService` condition). */
  scope: 'pass-role-datazone' | 'pass-role-sagemaker';
  /** Request members that carry role ARNs (for the documentation). */
  members: readonly string[];
}

/** What one SDK operation needs. */
export interface OperationPermission {
  service: IamService;
  /** The SDK command name without the `Command` suffix, e.g. `CreateProject`. */
  operation: string;
  /** IAM actions the call is authorised against (empty: needs no permission). */
  actions: readonly string[];
  /** `read` operations are all `plan` and `drift` need; `write` ones only `apply`. */
  access: 'read' | 'write';
  scope: ResourceScope;
  passRole?: PassedRole;
  /** Further actions some calls need, with their own scope (e.g. attaching a RAM permission). */
  extra?: { actions: readonly string[]; scope: ResourceScope };
}

type Row = Omit<OperationPermission, 'service' | 'operation' | 'actions'> & { actions?: readonly string[] };

// Most IAM actions are `<service>:<Operation>`; a row names its actions only when they differ.
function rows(service: IamService, table: Record<string, Row>): OperationPermission[] {
  return Object.entries(table).map(([operation, row]) => ({
    service,
    ...row,
    operation,
    actions: row.actions ?? [`${service}:${operation}`],
  }));
}

const DZ_DOMAIN = 'datazone-domain' as const;
const dzRead: Row = { access: 'read', scope: DZ_DOMAIN };
const dzWrite: Row = { access: 'write', scope: DZ_DOMAIN };

// Domain roles: DataZone assumes the execution role for users and the service role for itself.
const DOMAIN_ROLES: PassedRole = {
  scope: 'pass-role-datazone',
  members: ['domainExecutionRole', 'serviceRole'],
};
// A Lambda-backed account pool: DataZone assumes lambdaExecutionRoleArn to invoke the handler.
const POOL_ROLE: PassedRole = {
  scope: 'pass-role-datazone',
  members: ['accountSource.customAccountPoolHandler.lambdaExecutionRoleArn'],
};

const DATAZONE = rows('datazone', {
  // Domains: create and list have no resource-level support in IAM.
  CreateDomain: { access: 'write', scope: 'datazone-account', passRole: DOMAIN_ROLES },
  ListDomains: { access: 'read', scope: 'datazone-account' },
  GetDomain: dzRead,
  UpdateDomain: { ...dzWrite, passRole: DOMAIN_ROLES },
  DeleteDomain: dzWrite,
  ListTagsForResource: dzRead,
  TagResource: dzWrite,
  UntagResource: dzWrite,
  // Domain units.
  ListDomainUnitsForParent: dzRead,
  ListPolicyGrants: dzRead,
  AddPolicyGrant: dzWrite,
  RemovePolicyGrant: dzWrite,
  GetDomainUnit: dzRead,
  CreateDomainUnit: dzWrite,
  UpdateDomainUnit: dzWrite,
  DeleteDomainUnit: dzWrite,
  // Blueprints and their per-account configurations (called with the associated account's role).
  ListEnvironmentBlueprints: dzRead,
  ListEnvironmentBlueprintConfigurations: dzRead,
  PutEnvironmentBlueprintConfiguration: {
    ...dzWrite,
    passRole: { scope: 'pass-role-datazone', members: ['provisioningRoleArn', 'manageAccessRoleArn'] },
  },
  DeleteEnvironmentBlueprintConfiguration: dzWrite,
  // Account pools.
  ListAccountPools: dzRead,
  GetAccountPool: dzRead,
  ListAccountsInAccountPool: dzRead,
  CreateAccountPool: { ...dzWrite, passRole: POOL_ROLE },
  UpdateAccountPool: { ...dzWrite, passRole: POOL_ROLE },
  DeleteAccountPool: dzWrite,
  // Project profiles.
  ListProjectProfiles: dzRead,
  GetProjectProfile: dzRead,
  CreateProjectProfile: dzWrite,
  UpdateProjectProfile: dzWrite,
  DeleteProjectProfile: dzWrite,
  // Projects and members.
  ListProjects: dzRead,
  GetProject: dzRead,
  CreateProject: dzWrite,
  UpdateProject: dzWrite,
  DeleteProject: dzWrite,
  ListProjectMemberships: dzRead,
  CreateProjectMembership: dzWrite,
  DeleteProjectMembership: dzWrite,
  GetUserProfile: dzRead,
  GetGroupProfile: dzRead,
  // Member names in bulk (large domains): one search page instead of a lookup per member.
  SearchUserProfiles: dzRead,
  SearchGroupProfiles: dzRead,
  // Glossaries (docs/metadata.md): Search with searchScope GLOSSARY is how they are listed.
  Search: dzRead,
  CreateGlossary: dzWrite,
  UpdateGlossary: dzWrite,
  DeleteGlossary: dzWrite,
  // Metadata forms and enforcement rules (docs/metadata.md). CreateFormType also records revisions.
  SearchTypes: dzRead,
  GetFormType: dzRead,
  CreateFormType: dzWrite,
  DeleteFormType: dzWrite,
  ListRules: dzRead,
  GetRule: dzRead,
  CreateRule: dzWrite,
  UpdateRule: dzWrite,
  DeleteRule: dzWrite,
  // Glossary terms (docs/metadata.md): listed with Search GLOSSARY_TERM.
  CreateGlossaryTerm: dzWrite,
  UpdateGlossaryTerm: dzWrite,
  DeleteGlossaryTerm: dzWrite,
  // Issue 15: domain unit owners.
  ListEntityOwners: dzRead,
  AddEntityOwner: dzWrite,
  RemoveEntityOwner: dzWrite,
});

const RAM = rows('ram', {
  // Get* calls have no resource-level support in IAM.
  GetResourceShares: { access: 'read', scope: 'ram-account' },
  GetResourceShareAssociations: { access: 'read', scope: 'ram-account' },
  GetResourceShareInvitations: { access: 'read', scope: 'ram-account' },
  ListResourceSharePermissions: { access: 'read', scope: 'ram-account' },
  // A share created with permissionArns attaches that permission too (SageMakerStudioFullAccess
  // grants AssociateResourceSharePermission for these permissions for the same reason).
  CreateResourceShare: {
    access: 'write',
    scope: 'ram-create-share',
    extra: { actions: ['ram:AssociateResourceSharePermission'], scope: 'ram-share-permission' },
  },
  AssociateResourceShare: { access: 'write', scope: 'ram-datazone-share' },
  DisassociateResourceShare: { access: 'write', scope: 'ram-datazone-share' },
  DeleteResourceShare: { access: 'write', scope: 'ram-datazone-share' },
  AcceptResourceShareInvitation: { access: 'write', scope: 'ram-invitation' },
});

const SM_DOMAIN = 'sagemaker-domain' as const;
const SAGEMAKER = rows('sagemaker', {
  ListDomains: { access: 'read', scope: 'sagemaker-account' },
  DescribeDomain: { access: 'read', scope: SM_DOMAIN },
  ListTags: { access: 'read', scope: SM_DOMAIN },
  // Tags given on create are authorised as AddTags as well; the AddTags row covers that.
  CreateDomain: {
    access: 'write',
    scope: SM_DOMAIN,
    passRole: { scope: 'pass-role-sagemaker', members: ['DefaultUserSettings.ExecutionRole'] },
  },
  UpdateDomain: {
    access: 'write',
    scope: SM_DOMAIN,
    passRole: { scope: 'pass-role-sagemaker', members: ['DefaultUserSettings.ExecutionRole'] },
  },
  DeleteDomain: { access: 'write', scope: SM_DOMAIN },
  // User profiles of the Studio domains (StudioUserProfile): ListUserProfiles has no resource type.
  ListUserProfiles: { access: 'read', scope: 'sagemaker-account' },
  DescribeUserProfile: { access: 'read', scope: SM_DOMAIN },
  CreateUserProfile: {
    access: 'write',
    scope: SM_DOMAIN,
    passRole: { scope: 'pass-role-sagemaker', members: ['UserSettings.ExecutionRole'] },
  },
  UpdateUserProfile: {
    access: 'write',
    scope: SM_DOMAIN,
    passRole: { scope: 'pass-role-sagemaker', members: ['UserSettings.ExecutionRole'] },
  },
  DeleteUserProfile: { access: 'write', scope: SM_DOMAIN },
  AddTags: { access: 'write', scope: SM_DOMAIN },
  DeleteTags: { access: 'write', scope: SM_DOMAIN },
});

const STS = rows('sts', {
  // Changes nothing by itself; `plan` needs it to read blueprint configurations in associated
  // accounts. What the session may then do is the assumed role's own policy (see docs/iam.md).
  AssumeRole: { access: 'read', scope: 'sts-assume-role' },
  // Always allowed: IAM cannot deny GetCallerIdentity.
  GetCallerIdentity: { access: 'read', scope: 'none', actions: [] },
});

/** Every SDK operation the tool calls, in a stable order (service, then as listed). */
export const IAM_OPERATIONS: readonly OperationPermission[] = [...DATAZONE, ...RAM, ...SAGEMAKER, ...STS];

/** The row of `service.Operation`, if the tool calls it. */
export function findOperation(service: string, operation: string): OperationPermission | undefined {
  return IAM_OPERATIONS.find((o) => o.service === service && o.operation === operation);
}
