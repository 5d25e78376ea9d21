/**
 * Small invalid documents for the schema tests: each is an example manifest with one edit, and the
 * ajv error (keyword at instance path) the edit must produce.
 */
import type { Json, Kind } from './support.js';

/** One row: what is wrong, the example it starts from, the edit, and the expected ajv error. */
export type InvalidCase = [
  name: string,
  base: `${Kind}/${string}`,
  pointer: string,
  value: unknown,
  expected: `${string} at ${string}`,
];

const many = <T>(count: number, item: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => item(i));
const poolAccount = (i: number): Json => ({ id: String(100000000000 + i), regions: ['us-east-1'] });
const lambda = { lambdaFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:f' };

// `value: undefined` deletes the field. Rows are kept one per line, as a table.
// prettier-ignore
export const invalidCases: InvalidCase[] = [
  // Unknown fields, at every level.
  ['unknown envelope field', 'Project/hr-analytics', '/labels', {}, 'additionalProperties at '],
  ['unknown metadata field', 'Project/hr-analytics', '/metadata/namespace', 'x', 'additionalProperties at /metadata'],
  ['unknown lifecycle field', 'Domain/corp-data', '/lifecycle/prevent', true, 'additionalProperties at /lifecycle'],
  ['misspelt spec field', 'Project/hr-analytics', '/spec/profil', 'x', 'additionalProperties at /spec'],
  ['unknown member field', 'Project/hr-analytics', '/spec/members/0/role', 'admin', 'additionalProperties at /spec/members/0'],
  ['unknown reconcile field', 'Domain/corp-data', '/spec/reconcile/maxDelete', 3, 'additionalProperties at /spec/reconcile'],
  ['unknown single sign-on field', 'Domain/corp-data', '/spec/singleSignOn/mode', 'x', 'additionalProperties at /spec/singleSignOn'],
  ['unknown pool account field', 'AccountPool/hr-accountpool', '/spec/accounts/0/region', 'us-east-1', 'additionalProperties at /spec/accounts/0'],
  ['unknown custom handler field', 'AccountPool/authorized-accounts-pool', '/spec/customHandler/timeout', 3, 'additionalProperties at /spec/customHandler'],
  ['unknown blueprint field', 'BlueprintConfiguration/Tooling', '/spec/enabledRegion', [], 'additionalProperties at /spec'],
  ['unknown association field', 'AccountAssociation/444455556666', '/spec/external', true, 'additionalProperties at /spec'],
  ['unknown profile environment field', 'ProjectProfile/Data Engineer', '/spec/environments/0/mode', 'x', 'additionalProperties at /spec/environments/0'],
  ['unknown profile parameter field', 'ProjectProfile/Data Engineer', '/spec/environments/0/parameters/0/default', 'x', 'additionalProperties at /spec/environments/0/parameters/0'],
  ['unknown project environment field', 'Project/hr-analytics', '/spec/environments/0/region', 'x', 'additionalProperties at /spec/environments/0'],
  ['unknown studio user setting', 'StudioDomain/finance-studio', '/spec/defaultUserSettings/role', 'x', 'additionalProperties at /spec/defaultUserSettings'],
  ['unknown policy rule field', 'Policy/security-baseline', '/spec/rules/0/level', 'x', 'additionalProperties at /spec/rules/0'],
  ['Domain with metadata.domain', 'Domain/corp-data', '/metadata/domain', 'corp-data', 'additionalProperties at /metadata'],
  ['StudioDomain with metadata.domain', 'StudioDomain/finance-studio', '/metadata/domain', 'corp-data', 'additionalProperties at /metadata'],
  ['Policy with metadata.domain', 'Policy/security-baseline', '/metadata/domain', 'corp-data', 'additionalProperties at /metadata'],
  // Envelope and required fields.
  ['Project without metadata.domain', 'Project/hr-analytics', '/metadata/domain', undefined, 'required at /metadata'],
  ['wrong apiVersion', 'Project/hr-analytics', '/apiVersion', 'smus-gitops/v1', 'const at /apiVersion'],
  ['missing spec', 'DomainUnit/HR', '/spec', undefined, 'required at '],
  ['Domain without region', 'Domain/corp-data', '/spec/region', undefined, 'required at /spec'],
  // A Project without profile is valid: a project made without one (issue #13, finding 8).
  ['Project with an empty profile', 'Project/hr-analytics', '/spec/profile', '', 'minLength at /spec/profile'],
  ['environment without blueprint', 'ProjectProfile/Corporate HR', '/spec/environments/0/blueprint', undefined, 'required at /spec/environments/0'],
  // Enums.
  ['bad lifecycle.ensure', 'Domain/corp-data', '/lifecycle/ensure', 'deleted', 'enum at /lifecycle/ensure'],
  ['bad profile status', 'ProjectProfile/Corporate HR', '/spec/status', 'ENABLE', 'enum at /spec/status'],
  ['bad deploymentMode', 'ProjectProfile/Corporate HR', '/spec/environments/0/deploymentMode', 'ON_PUSH', 'enum at /spec/environments/0/deploymentMode'],
  ['bad designation', 'Project/hr-analytics', '/spec/members/0/designation', 'OWNER', 'enum at /spec/members/0/designation'],
  ['bad association access', 'AccountAssociation/444455556666', '/spec/access', 'console', 'enum at /spec/access'],
  ['bad resolutionStrategy', 'AccountPool/hr-accountpool', '/spec/resolutionStrategy', 'AUTOMATIC', 'enum at /spec/resolutionStrategy'],
  ['bad single sign-on type', 'Domain/corp-data', '/spec/singleSignOn/type', 'SAML', 'enum at /spec/singleSignOn/type'],
  ['bad appNetworkAccessType', 'StudioDomain/finance-studio', '/spec/appNetworkAccessType', 'Private', 'enum at /spec/appNetworkAccessType'],
  ['bad authMode', 'StudioDomain/finance-studio', '/spec/authMode', 'IAM_IDC', 'enum at /spec/authMode'],
  ['sharing Allowed without a bucket', 'StudioDomain/finance-studio', '/spec/defaultUserSettings/sharingSettings/notebookOutputOption', 'Allowed', 'required at /spec/defaultUserSettings/sharingSettings'],
  ['bad hidden app type', 'StudioDomain/finance-studio', '/spec/defaultUserSettings/studioWebPortalSettings/hiddenAppTypes/0', 'Notebook', 'enum at /spec/defaultUserSettings/studioWebPortalSettings/hiddenAppTypes/0'],
  ['idle timeout under the model minimum', 'StudioDomain/finance-studio', '/spec/defaultUserSettings/jupyterLabAppSettings/appLifecycleManagement/idleSettings/idleTimeoutInMinutes', 30, 'minimum at /spec/defaultUserSettings/jupyterLabAppSettings/appLifecycleManagement/idleSettings/idleTimeoutInMinutes'],
  ['unknown domain settings field', 'StudioDomain/finance-studio', '/spec/domainSettings/docker', {}, 'additionalProperties at /spec/domainSettings'],
  ['bad policy severity', 'Policy/security-baseline', '/spec/rules/0/severity', 'info', 'enum at /spec/rules/0/severity'],
  ['unknown kind in a policy rule', 'Policy/security-baseline', '/spec/rules/0/kinds/0', 'Studio', 'enum at /spec/rules/0/kinds/0'],
  ['prune of a kind outside the domain', 'Domain/corp-data', '/spec/reconcile/prune/0', 'StudioDomain', 'enum at /spec/reconcile/prune/0'],
  // Patterns and types.
  ['short account id', 'AccountAssociation/444455556666', '/metadata/name', '44445555666', 'pattern at /metadata/name'],
  ['unquoted account id (a YAML number)', 'AccountPool/hr-accountpool', '/spec/accounts/0/id', 444455556666, 'type at /spec/accounts/0/id'],
  ['malformed role ARN', 'Domain/corp-data', '/spec/executionRole', 'arn:aws:iam::111122223333:user/admin', 'pattern at /spec/executionRole'],
  ['role ARN with trailing text', 'AccountAssociation/444455556666', '/spec/assumeRoleArn', 'arn:aws:iam::444455556666:role/X y', 'pattern at /spec/assumeRoleArn'],
  ['KMS alias instead of key ARN', 'Domain/corp-data', '/spec/kmsKey', 'arn:aws:kms:us-east-1:111122223333:alias/data', 'pattern at /spec/kmsKey'],
  ['malformed Lambda ARN', 'AccountPool/authorized-accounts-pool', '/spec/customHandler/lambdaFunctionArn', 'arn:aws:lambda:us-east-1:111122223333:f', 'pattern at /spec/customHandler/lambdaFunctionArn'],
  ['malformed permission boundary', 'BlueprintConfiguration/Tooling', '/spec/permissionBoundary', 'AmazonDataZoneBoundary', 'pattern at /spec/permissionBoundary'],
  ['malformed IdC instance ARN', 'Domain/corp-data', '/spec/singleSignOn/idcInstanceArn', 'ssoins-1234567890abcdef', 'pattern at /spec/singleSignOn/idcInstanceArn'],
  ['upper-case region', 'Domain/corp-data', '/spec/region', 'US-EAST-1', 'pattern at /spec/region'],
  ['GovCloud region in a pool (AwsRegion)', 'AccountPool/hr-accountpool', '/spec/accounts/0/regions/0', 'us-gov-west-1', 'pattern at /spec/accounts/0/regions/0'],
  ['bad regionalParameters key', 'BlueprintConfiguration/Tooling', '/spec/regionalParameters/virginia', {}, 'pattern at /spec/regionalParameters'],
  ['non-string regional parameter', 'BlueprintConfiguration/Tooling', '/spec/regionalParameters/us-east-1/VpcId', 7, 'type at /spec/regionalParameters/us-east-1/VpcId'],
  ['project name with a dot', 'Project/hr-analytics', '/metadata/name', 'hr.analytics', 'pattern at /metadata/name'],
  ['studio domain name with an underscore', 'StudioDomain/finance-studio', '/metadata/name', 'finance_studio', 'pattern at /metadata/name'],
  ['malformed subnet id', 'StudioDomain/finance-studio', '/spec/subnetIds/0', 'subnet 1', 'pattern at /spec/subnetIds/0'],
  ['aws: tag key', 'Domain/corp-data', '/spec/tags/aws:owner', 'me', 'pattern at /spec/tags'],
  ['sagemaker: tag key', 'StudioDomain/finance-studio', '/spec/tags/sagemaker:domain-arn', 'x', 'pattern at /spec/tags'],
  ['smus-gitops: tag key (the ownership tag)', 'StudioDomain/finance-studio', '/spec/tags/smus-gitops:managed', 'true', 'pattern at /spec/tags'],
  ['studio account not 12 digits', 'StudioDomain/finance-studio', '/spec/account', '12345', 'pattern at /spec/account'],
  ['studio assumeRoleArn without account', 'StudioDomain/finance-studio', '/spec/assumeRoleArn', 'arn:aws:iam::222233334444:role/Deployer', 'dependentRequired at /spec'],
  ['studio prune scope without region', 'Policy/security-baseline', '/spec/reconcile', { studioDomains: { prune: [{ account: '222233334444' }] } }, 'required at /spec/reconcile/studioDomains/prune/0'],
  ['negative studio maxDeletes', 'Policy/security-baseline', '/spec/reconcile', { studioDomains: { maxDeletes: -1 } }, 'minimum at /spec/reconcile/studioDomains/maxDeletes'],
  ['tag value with a comma', 'Project/hr-analytics', '/spec/resourceTags/team', 'hr,finance', 'pattern at /spec/resourceTags/team'],
  ['bad parameter name', 'ProjectProfile/Data Engineer', '/spec/environments/0/parameters/0/name', 'idle-timeout', 'pattern at /spec/environments/0/parameters/0/name'],
  ['protect address without a kind', 'Domain/corp-data', '/spec/reconcile/protect/0', 'All Accounts', 'pattern at /spec/reconcile/protect/0'],
  ['policy assert that is not a schema', 'Policy/security-baseline', '/spec/rules/0/assert', 'VpcOnly', 'anyOf at /spec/rules/0/assert'],
  // Lengths and bounds.
  ['project name of 65 characters', 'Project/hr-analytics', '/metadata/name', 'p'.repeat(65), 'maxLength at /metadata/name'],
  ['studio domain name of 64 characters', 'StudioDomain/finance-studio', '/metadata/name', 's'.repeat(64), 'maxLength at /metadata/name'],
  ['domain unit name of 129 characters', 'DomainUnit/HR', '/metadata/name', 'u'.repeat(129), 'pattern at /metadata/name'],
  ['domain unit six levels deep', 'DomainUnit/HR', '/metadata/name', 'A/B/C/D/E/F', 'pattern at /metadata/name'],
  ['description of 2049 characters', 'ProjectProfile/Corporate HR', '/spec/description', 'd'.repeat(2049), 'maxLength at /spec/description'],
  ['tag key of 129 characters', 'Domain/corp-data', `/spec/tags/${'k'.repeat(129)}`, 'v', 'maxLength at /spec/tags'],
  ['negative maxDeletes', 'Domain/corp-data', '/spec/reconcile/maxDeletes', -1, 'minimum at /spec/reconcile/maxDeletes'],
  ['fractional maxDeletes', 'Domain/corp-data', '/spec/reconcile/maxDeletes', 2.5, 'type at /spec/reconcile/maxDeletes'],
  ['deploymentOrder 17', 'ProjectProfile/Corporate HR', '/spec/environments/0/deploymentOrder', 17, 'maximum at /spec/environments/0/deploymentOrder'],
  ['pool of 26 accounts', 'AccountPool/hr-accountpool', '/spec/accounts', many(26, poolAccount), 'maxItems at /spec/accounts'],
  ['pool account with 4 regions', 'AccountPool/hr-accountpool', '/spec/accounts/0/regions', ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'], 'maxItems at /spec/accounts/0/regions'],
  ['pool account without regions', 'AccountPool/hr-accountpool', '/spec/accounts/0/regions', [], 'minItems at /spec/accounts/0/regions'],
  ['empty pool', 'AccountPool/hr-accountpool', '/spec/accounts', [], 'minItems at /spec/accounts'],
  ['26 project resource tags on a profile', 'ProjectProfile/Corporate HR', '/spec/projectResourceTags', many(26, (i) => ({ key: `k${i}`, value: 'v' })), 'maxItems at /spec/projectResourceTags'],
  ['26 resource tags on a project', 'Project/hr-analytics', '/spec/resourceTags', Object.fromEntries(many(26, (i) => [`k${i}`, 'v'])), 'maxProperties at /spec/resourceTags'],
  ['studio domain without subnets', 'StudioDomain/finance-studio', '/spec/subnetIds', [], 'minItems at /spec/subnetIds'],
  ['17 subnets', 'StudioDomain/finance-studio', '/spec/subnetIds', many(17, (i) => `subnet-${i}`), 'maxItems at /spec/subnetIds'],
  ['six security groups', 'StudioDomain/finance-studio', '/spec/defaultUserSettings/securityGroups', many(6, (i) => `sg-${i}`), 'maxItems at /spec/defaultUserSettings/securityGroups'],
  ['policy without rules', 'Policy/security-baseline', '/spec/rules', [], 'minItems at /spec/rules'],
  // Exclusive forms ("exactly one of").
  ['pool with accounts and customHandler', 'AccountPool/hr-accountpool', '/spec/customHandler', lambda, 'oneOf at /spec'],
  ['pool with neither accounts nor customHandler', 'AccountPool/hr-accountpool', '/spec/accounts', undefined, 'oneOf at /spec'],
  ['member with user and group', 'Project/hr-analytics', '/spec/members/0/group', 'hr-admins', 'oneOf at /spec/members/0'],
  ['member with neither user nor group', 'Project/hr-analytics', '/spec/members/0/user', undefined, 'oneOf at /spec/members/0'],
  ['target with pools and an account', 'ProjectProfile/Data Engineer', '/spec/environments/0/target/account', '111122223333', 'oneOf at /spec/environments/0/target'],
  ['target with 11 pools', 'ProjectProfile/Data Engineer', '/spec/environments/0/target/accountPools', many(11, (i) => `pool-${i}`), 'oneOf at /spec/environments/0/target'],
  ['fixed target without region', 'ProjectProfile/Production Analytics', '/spec/environments/0/target/region', undefined, 'oneOf at /spec/environments/0/target'],
  ['allAssociatedAccounts: false', 'ProjectProfile/All Accounts', '/spec/environments/0/target/allAssociatedAccounts', false, 'oneOf at /spec/environments/0/target'],
];
