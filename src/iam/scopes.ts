/**
 * Resource scopes of the tool's policy: each names the resources (and conditions) one group of
 * IAM actions is allowed on. The operation table (operations.ts) points every SDK operation at a
 * scope; the policy builder turns each used scope into one statement. Scopes are as narrow as
 * IAM allows: actions without resource-level support get `*` (IAM ignores anything else for them).
 */
import { PERMISSION_ARNS } from '../apply/operations/ram-shares.js';
import { assertNever } from '../model/manifest.js';
import type { PolicyCondition } from './policy-document.js';

/** The resource scopes the table uses. */
export type ResourceScope =
  /** DataZone actions with no resource-level support (CreateDomain, ListDomains). */
  | 'datazone-account'
  /** Everything addressed inside a DataZone domain: `arn:aws:datazone:*:<domain account>:domain/*`. */
  | 'datazone-domain'
  /** RAM CreateResourceShare, only for shares of DataZone domains. */
  | 'ram-create-share'
  /** RAM calls on an existing share, only for shares named `DataZone*` (the tool's naming). */
  | 'ram-datazone-share'
  /** Attaching one of the DataZone RAM managed permissions the tool uses to a share. */
  | 'ram-share-permission'
  /** Accepting the invitation of a `DataZone*` share sent by the domain account. */
  | 'ram-invitation'
  /** RAM reads with no resource-level support. */
  | 'ram-account'
  /** SageMaker actions with no resource-level support (ListDomains). */
  | 'sagemaker-account'
  /** SageMaker AI Studio domains of the account: `arn:aws:sagemaker:*:<account>:domain/*`. */
  | 'sagemaker-domain'
  /** Roles the tool assumes in associated accounts (AccountAssociation.spec.assumeRoleArn). */
  | 'sts-assume-role'
  /** Roles handed to DataZone (domain execution/service roles, blueprint and account-pool roles). */
  | 'pass-role-datazone'
  /** Roles handed to SageMaker (a Studio domain's default execution role). */
  | 'pass-role-sagemaker'
  /** Needs no permission (STS GetCallerIdentity). */
  | 'none';

/** Accounts the policy is written for; `*` when unknown. */
export interface PolicyAccounts {
  /** The account whose principal gets the policy (RAM shares, Studio domains and passed roles live here). */
  account: string;
  /** The account owning the DataZone domains (the same account unless the policy is for an associated account). */
  domainAccount: string;
  /**
   * The role name `sts:AssumeRole` is allowed on in every account (issue 19.3): the reader role for
   * the plan policy, the deployer role for the apply policy. Default: the deployer role.
   */
  assumableRoleName?: string;
}

/** Default names of the roles the tool assumes in other accounts (docs/iam.md). */
export const DEFAULT_ROLE_NAMES = { reader: 'SmusGitOpsReader', deployer: 'SmusGitOpsDeployer' } as const;

/** What one scope allows on. */
export interface ScopeStatement {
  sid: string;
  resources: string[];
  condition?: PolicyCondition;
}

/** Statement order: the order scopes are listed here (stable output, readable diffs). */
export const SCOPE_ORDER: readonly Exclude<ResourceScope, 'none'>[] = [
  'datazone-account',
  'datazone-domain',
  'ram-create-share',
  'ram-datazone-share',
  'ram-share-permission',
  'ram-invitation',
  'ram-account',
  'sagemaker-account',
  'sagemaker-domain',
  'sts-assume-role',
  'pass-role-datazone',
  'pass-role-sagemaker',
];

// The tool names every share `DataZone-<domain>-<access>` (ram-shares.ts); AWS's own managed
// policies (SageMakerStudioFullAccess) scope RAM the same way, so the prefix is the contract.
const SHARE_NAME = { StringLike: { 'ram:ResourceShareName': 'DataZone*' } } as const;

function passRole(service: string, accounts: PolicyAccounts, sid: string): ScopeStatement {
  return {
    sid,
    resources: [`arn:aws:iam::${accounts.account}:role/*`],
    condition: { StringEquals: { 'iam:PassedToService': service } },
  };
}

/** The resources and conditions of one scope. */
export function scopeStatement(
  scope: Exclude<ResourceScope, 'none'>,
  accounts: PolicyAccounts,
): ScopeStatement {
  const { account, domainAccount } = accounts;
  switch (scope) {
    case 'datazone-account':
      return { sid: 'DataZoneAccountLevel', resources: ['*'] };
    case 'datazone-domain':
      return { sid: 'DataZoneDomains', resources: [`arn:aws:datazone:*:${domainAccount}:domain/*`] };
    case 'ram-create-share':
      return {
        sid: 'RamCreateDomainShares',
        resources: [`arn:aws:ram:*:${account}:resource-share/*`],
        condition: { StringEquals: { 'ram:RequestedResourceType': 'datazone:Domain' } },
      };
    case 'ram-datazone-share':
      return {
        sid: 'RamDataZoneShares',
        resources: [`arn:aws:ram:*:${account}:resource-share/*`],
        condition: { ...SHARE_NAME },
      };
    case 'ram-share-permission':
      return {
        sid: 'RamDataZonePermissions',
        resources: ['*'],
        condition: { ArnLike: { 'ram:PermissionArn': Object.values(PERMISSION_ARNS).sort() } },
      };
    case 'ram-invitation':
      // The invitation is accepted in the associated account; its owner is the domain account.
      return {
        sid: 'RamAcceptDataZoneInvitations',
        resources: ['arn:aws:ram:*:*:resource-share-invitation/*'],
        condition: {
          ...SHARE_NAME,
          ...(domainAccount !== '*' ? { StringEquals: { 'ram:ShareOwnerAccountId': domainAccount } } : {}),
        },
      };
    case 'ram-account':
      return { sid: 'RamRead', resources: ['*'] };
    case 'sagemaker-account':
      return { sid: 'SageMakerAccountLevel', resources: ['*'] };
    case 'sagemaker-domain':
      // The user profiles of those domains (issue 16) are read, written and tagged by the same actions.
      return {
        sid: 'SageMakerStudioDomains',
        resources: [
          `arn:aws:sagemaker:*:${account}:domain/*`,
          `arn:aws:sagemaker:*:${account}:user-profile/*`,
        ],
      };
    case 'sts-assume-role': {
      // One role name in every account: plan may reach only the read-only reader roles, apply the
      // deployer roles (whose trust names only the apply role), so a pull request's plan job
      // cannot obtain write credentials anywhere.
      const name = accounts.assumableRoleName ?? DEFAULT_ROLE_NAMES.deployer;
      const sid = name === DEFAULT_ROLE_NAMES.reader ? 'AssumeReaderRoles' : 'AssumeDeployerRoles';
      return { sid, resources: [`arn:aws:iam::*:role/${name}`] };
    }
    case 'pass-role-datazone':
      return passRole('datazone.amazonaws.com', accounts, 'PassRolesToDataZone');
    case 'pass-role-sagemaker':
      return passRole('sagemaker.amazonaws.com', accounts, 'PassRolesToSageMaker');
    default:
      return assertNever(scope);
  }
}
