/**
 * The isolation policy for the users of one or more SageMaker AI Studio domains (scenario C/D):
 * they open their own domain only, create SageMaker resources only carrying their domain's
 * `sagemaker:domain-arn` tag, touch existing resources only with that tag, and, on a VpcOnly
 * platform, cannot start jobs or models outside a VPC (preventive denies on the
 * `sagemaker:VpcSubnets` / `sagemaker:VpcSecurityGroupIds` condition keys).
 * This is a policy for people, not for the tool, so service-prefix wildcards are fine here.
 */
import { POLICY_VERSION, type PolicyDocument, type PolicyStatement } from './policy-document.js';
import type { StudioDomainFacts } from './studio-domains.js';

/** The tag SageMaker writes on every resource created from a Studio domain. */
export const DOMAIN_ARN_TAG = 'sagemaker:domain-arn';

/**
 * Creates that can run code on the network and accept VPC settings; each supports the
 * `sagemaker:VpcSubnets` and `sagemaker:VpcSecurityGroupIds` keys, so a Null check is meaningful
 * (a key the action did not support would be always null and the deny would block every call).
 */
export const VPC_BOUND_CREATES: readonly string[] = [
  'sagemaker:CreateHyperParameterTuningJob',
  'sagemaker:CreateModel',
  'sagemaker:CreateProcessingJob',
  'sagemaker:CreateTrainingJob',
];

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

// Resources that live under a domain id (user profiles, apps, spaces) are scoped by ARN, which is
// stronger than a tag: the id is in the name and cannot be changed.
function domainChildren(d: StudioDomainFacts): string[] {
  const base = `arn:aws:sagemaker:${d.region}:${d.account}`;
  return [`${base}:user-profile/${d.id}/*`, `${base}:app/${d.id}/*`, `${base}:space/${d.id}/*`];
}

function vpcDenies(domains: readonly StudioDomainFacts[]): PolicyStatement[] {
  const subnets = unique(domains.flatMap((d) => d.subnetIds));
  const denies: PolicyStatement[] = [
    {
      Sid: 'DenyJobsWithoutVpcSubnets',
      Effect: 'Deny',
      Action: [...VPC_BOUND_CREATES],
      Resource: ['*'],
      Condition: { Null: { 'sagemaker:VpcSubnets': 'true' } },
    },
    {
      Sid: 'DenyJobsWithoutVpcSecurityGroups',
      Effect: 'Deny',
      Action: [...VPC_BOUND_CREATES],
      Resource: ['*'],
      Condition: { Null: { 'sagemaker:VpcSecurityGroupIds': 'true' } },
    },
  ];
  if (subnets.length > 0) {
    // Any subnet outside the domains' own private subnets is refused too.
    denies.push({
      Sid: 'DenyJobsOutsideDomainSubnets',
      Effect: 'Deny',
      Action: [...VPC_BOUND_CREATES],
      Resource: ['*'],
      Condition: { 'ForAnyValue:StringNotEquals': { 'sagemaker:VpcSubnets': subnets } },
    });
  }
  return denies;
}

/** Builds the isolation policy of `domains` (at least one). */
export function buildStudioIsolationPolicy(domains: readonly StudioDomainFacts[]): PolicyDocument {
  if (domains.length === 0) throw new Error('an isolation policy needs at least one Studio domain');
  const arns = unique(domains.map((d) => d.arn));
  const statements: PolicyStatement[] = [
    {
      Sid: 'DescribeOwnDomain',
      Effect: 'Allow',
      Action: ['sagemaker:DescribeDomain'],
      Resource: arns,
    },
    {
      Sid: 'OpenOwnDomain',
      Effect: 'Allow',
      Action: [
        'sagemaker:CreateApp',
        'sagemaker:CreatePresignedDomainUrl',
        'sagemaker:CreateSpace',
        'sagemaker:DeleteApp',
        'sagemaker:DeleteSpace',
        'sagemaker:DescribeApp',
        'sagemaker:DescribeSpace',
        'sagemaker:DescribeUserProfile',
        'sagemaker:UpdateSpace',
      ],
      Resource: domains.flatMap(domainChildren),
    },
    {
      Sid: 'CreateOnlyWithDomainTag',
      Effect: 'Allow',
      Action: ['sagemaker:Create*'],
      Resource: ['*'],
      Condition: { StringEquals: { [`aws:RequestTag/${DOMAIN_ARN_TAG}`]: arns } },
    },
    {
      Sid: 'UseOnlyResourcesOfDomain',
      Effect: 'Allow',
      Action: ['sagemaker:Delete*', 'sagemaker:Describe*', 'sagemaker:Stop*', 'sagemaker:Update*'],
      Resource: ['*'],
      Condition: { StringEquals: { [`aws:ResourceTag/${DOMAIN_ARN_TAG}`]: arns } },
    },
  ];
  // The preventive denies of a VpcOnly platform; they apply to every user of the policy, so one
  // VpcOnly domain among those named is enough to add them.
  if (domains.some((d) => d.appNetworkAccessType === 'VpcOnly')) statements.push(...vpcDenies(domains));
  return { Version: POLICY_VERSION, Statement: statements };
}
