/**
 * The example organisation the live-reader tests read: one manifest per kind (as a user would
 * write them), so a test can both seed the emulator from them (seed.ts) and compare what the
 * readers find with `normalizeDesired` of the same manifest.
 */
import { API_VERSION, type ManifestKind, type ManifestOf } from '../../src/model/manifest.js';

/** The emulator's home account (the tool's own). */
export const HOME = '111122223333';
/** An associated account of the organisation. */
export const OTHER = '444455556666';
/** The role the tool assumes in OTHER. */
export const OTHER_ROLE = `arn:aws:iam::${OTHER}:role/SmusGitOpsDeployer`;
/** A KMS key ARN (DataZone wants a key ARN, not an alias). */
export const KMS_KEY = `arn:aws:kms:us-east-1:${HOME}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const REGION = 'us-east-1';

function doc<K extends ManifestKind>(
  kind: K,
  name: string,
  spec: ManifestOf<K>['spec'],
  domain?: string,
): ManifestOf<K> {
  return {
    apiVersion: API_VERSION,
    kind,
    metadata: domain ? { name, domain } : { name },
    spec,
  } as ManifestOf<K>;
}

/** The Domain. */
export const domain = doc('Domain', 'corp', {
  region: REGION,
  description: 'Corporate data',
  executionRole: `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution`,
  serviceRole: `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService`,
  kmsKey: KMS_KEY,
  singleSignOn: {
    type: 'IAM_IDC',
    userAssignment: 'MANUAL',
    idcInstanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
  },
  tags: { 'cost-center': 'data', team: 'platform' },
});

/** Domain units, parents first. */
export const units = [
  doc('DomainUnit', 'HR', { description: 'People' }, 'corp'),
  doc('DomainUnit', 'HR/Benefits', { description: 'Benefits analytics' }, 'corp'),
  doc('DomainUnit', 'Finance', {}, 'corp'),
];

/** A static pool and a custom-handler pool. */
export const pools = [
  doc(
    'AccountPool',
    'pool-a',
    {
      description: 'Data engineering',
      accounts: [{ id: OTHER, name: 'other-dev', regions: ['us-east-1', 'us-west-2'] }],
    },
    'corp',
  ),
  doc(
    'AccountPool',
    'pool-b',
    {
      customHandler: {
        lambdaFunctionArn: `arn:aws:lambda:us-east-1:${HOME}:function:authorized-accounts`,
        lambdaExecutionRoleArn: `arn:aws:iam::${HOME}:role/AccountPoolHandler`,
      },
    },
    'corp',
  ),
];

/** Profiles: one with every target form, one disabled and bare. */
export const profiles = [
  doc(
    'ProjectProfile',
    'Data Engineer',
    {
      description: 'Data engineering teams',
      domainUnit: 'HR',
      allowCustomProjectResourceTags: true,
      projectResourceTagsDescription: 'Tags for cost allocation',
      projectResourceTags: [
        { key: 'cost-center', value: 'data-eng', editable: false },
        { key: 'owner', value: 'tbd', editable: true },
      ],
      environments: [
        {
          name: 'Tooling',
          blueprint: 'Tooling',
          deploymentOrder: 0,
          target: { accountPools: ['pool-a'] },
          parameters: [{ name: 'idleTimeoutInMinutes', value: '60', editable: true }],
        },
        {
          name: 'Lake',
          description: 'Lakehouse',
          blueprint: 'DataLake',
          deploymentMode: 'ON_DEMAND',
          target: { account: HOME, region: REGION },
        },
        { name: 'Flows', blueprint: 'Workflows', target: { allAssociatedAccounts: true } },
      ],
    },
    'corp',
  ),
  doc('ProjectProfile', 'Basic', { status: 'DISABLED' }, 'corp'),
];

/** The association of OTHER, with portal access. */
export const association = doc(
  'AccountAssociation',
  OTHER,
  { access: 'portal', assumeRoleArn: OTHER_ROLE },
  'corp',
);

/** Blueprint configurations: two in the domain account, one in OTHER. */
export const configurations = [
  doc(
    'BlueprintConfiguration',
    'Tooling',
    {
      enabledRegions: ['us-east-1', 'us-west-2'],
      provisioningRole: `arn:aws:iam::${HOME}:role/AmazonSageMakerProvisioning`,
      manageAccessRole: `arn:aws:iam::${HOME}:role/AmazonSageMakerManageAccess`,
      permissionBoundary: 'arn:aws:iam::aws:policy/AmazonDataZoneBoundary',
      regionalParameters: { 'us-east-1': { VpcId: 'vpc-1', Subnets: 'subnet-1,subnet-2' } },
      globalParameters: { secret: 'never read back' },
    },
    'corp',
  ),
  doc('BlueprintConfiguration', 'DataLake', { enabledRegions: [] }, 'corp'),
  doc(
    'BlueprintConfiguration',
    'Tooling',
    {
      account: OTHER,
      enabledRegions: ['us-east-1'],
      provisioningRole: `arn:aws:iam::${OTHER}:role/AmazonSageMakerProvisioning`,
    },
    'corp',
  ),
];

/** A project on the full profile, with an IAM, a group and an IdC member. */
export const project = doc(
  'Project',
  'analytics',
  {
    description: 'HR people analytics',
    profile: 'Data Engineer',
    domainUnit: 'HR/Benefits',
    environments: [
      {
        name: 'Tooling',
        target: { account: OTHER, region: REGION },
        parameters: { idleTimeoutInMinutes: '120' },
      },
      { name: 'Flows', target: { account: HOME, region: REGION } },
    ],
    resourceTags: { team: 'hr' },
    members: [
      { user: `arn:aws:iam::${HOME}:role/SarahAdmin`, designation: 'PROJECT_CONTRIBUTOR' },
      { group: 'analysts', designation: 'PROJECT_CATALOG_VIEWER' },
      { user: 'jdoe', designation: 'PROJECT_CONTRIBUTOR' },
    ],
  },
  'corp',
);

/** A second, plain project: no description, tags or members of its own. */
export const smallProject = doc(
  'Project',
  'sandbox',
  {
    profile: 'Data Engineer',
    environments: [
      { name: 'Tooling', target: { account: OTHER, region: REGION } },
      { name: 'Flows', target: { account: OTHER, region: REGION } },
    ],
  },
  'corp',
);

/** A VPC-only Studio domain. */
export const studio = doc('StudioDomain', 'studio-a', {
  region: REGION,
  authMode: 'IAM',
  vpcId: 'vpc-0a1b2c3d',
  subnetIds: ['subnet-1', 'subnet-2'],
  appNetworkAccessType: 'VpcOnly',
  kmsKeyId: KMS_KEY,
  defaultUserSettings: {
    executionRole: `arn:aws:iam::${HOME}:role/StudioExecution`,
    securityGroups: ['sg-0123'],
  },
  tags: { 'line-of-business': 'finance' },
});
