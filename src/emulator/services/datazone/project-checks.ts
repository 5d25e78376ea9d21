/**
 * What CreateProject checks against its profile, and what it decides about the deployment of the
 * ON_CREATE environments (a configuration without `deploymentMode` counts as ON_CREATE):
 *
 * - placement (synchronous, ValidationException naming the environment): the account and region
 *   each environment resolves to — `userParameters[].environmentResolvedAccount`, or the
 *   configuration's fixed `awsAccount`/`awsRegion` (an SSM path resolves to the domain's account
 *   or region) — must be allowed: pool-based → the account is in one of the configuration's pools
 *   (static list or Lambda answer) with the region among its supportedRegions; fixed → exactly it;
 *   neither ("all associated accounts") → the domain's account or an associated one.
 * - enablement (asynchronous, shows in environmentDeploymentDetails): the blueprint must have a
 *   configuration of that account with the region in enabledRegions, else FAILED_VALIDATION;
 *   a configuration without provisioningRoleArn fails the deployment (FAILED_DEPLOYMENT).
 */
import type {
  EnvironmentConfiguration,
  EnvironmentConfigurationUserParameter,
  EnvironmentResolvedAccount,
} from '@aws-sdk/client-datazone';
import { poolAccounts } from './account-pools.js';
import { fail, type DzCall } from './call.js';
import { accountMayUseDomain, findPool } from './lookups.js';
import { checkQuota } from './quotas.js';
import type { DomainRecord, ProjectProfileRecord, ProjectRecord } from './state.js';

type Failure = NonNullable<ProjectRecord['deploymentFailure']>;
type Reason = { code: string; message: string };

/** Where one environment will be deployed. */
interface Placement {
  account: string;
  region: string;
}

function invalid(config: EnvironmentConfiguration, message: string): never {
  fail('ValidationException', `Environment configuration ${config.name}: ${message}`);
}

function place(
  call: DzCall,
  domain: DomainRecord,
  config: EnvironmentConfiguration,
  resolved: EnvironmentResolvedAccount | undefined,
): Placement {
  if (config.accountPools && config.accountPools.length > 0) {
    if (!resolved?.awsAccountId || !resolved.regionName)
      invalid(config, 'environmentResolvedAccount is required.');
    const candidates = resolved.sourceAccountPoolId ? [resolved.sourceAccountPoolId] : config.accountPools;
    if (!candidates.every((id) => config.accountPools?.includes(id))) {
      invalid(config, `account pool ${resolved.sourceAccountPoolId} is not one of its pools.`);
    }
    const offered = candidates.some((id) =>
      poolAccounts(call, findPool(call, domain, id)).some(
        (a) =>
          a.awsAccountId === resolved.awsAccountId &&
          (a.supportedRegions ?? []).includes(resolved.regionName ?? ''),
      ),
    );
    if (!offered) {
      invalid(
        config,
        `account ${resolved.awsAccountId} in ${resolved.regionName} is not offered by its account pools.`,
      );
    }
    return { account: resolved.awsAccountId, region: resolved.regionName };
  }
  const fixedAccount =
    config.awsAccount?.awsAccountId ?? (config.awsAccount?.awsAccountIdPath ? domain.accountId : undefined);
  const fixedRegion =
    config.awsRegion?.regionName ?? (config.awsRegion?.regionNamePath ? domain.region : undefined);
  const account = fixedAccount ?? resolved?.awsAccountId;
  const region = fixedRegion ?? resolved?.regionName;
  if (!account || !region) invalid(config, 'environmentResolvedAccount is required.');
  if (resolved && (resolved.awsAccountId !== account || resolved.regionName !== region)) {
    invalid(config, `the profile fixes account ${account} in ${region}.`);
  }
  if (!fixedAccount && !accountMayUseDomain(call, domain, account)) {
    invalid(config, `account ${account} is not associated with domain ${domain.id}.`);
  }
  return { account, region };
}

function enablementFailure(
  call: DzCall,
  domain: DomainRecord,
  config: EnvironmentConfiguration,
  at: Placement,
) {
  const key = `${domain.id}/${at.account}/${config.environmentBlueprintId}`;
  const configuration = call.state.blueprintConfigurations[key];
  if (!configuration || !configuration.enabledRegions.includes(at.region)) {
    const reason = {
      code: 'BlueprintNotEnabled',
      message: `Blueprint ${config.environmentBlueprintId} is not enabled in account ${at.account} region ${at.region}.`,
    };
    return { status: 'FAILED_VALIDATION' as const, reason };
  }
  if (!configuration.provisioningRoleArn) {
    const reason = {
      code: 'MissingProvisioningRole',
      message: `The blueprint configuration of account ${at.account} has no provisioningRoleArn.`,
    };
    return { status: 'FAILED_DEPLOYMENT' as const, reason };
  }
  return undefined;
}

/**
 * Refuses user parameters the profile does not let a project set: an environment configuration
 * the profile does not have, a parameter the configuration does not define (its
 * `resolvedParameters`; the emulator's blueprints declare no parameters of their own), and a
 * parameter the profile marks `isEditable: false`. An override without `isEditable` counts as
 * editable (docs/emulator/decisions.md). Used by CreateProject and UpdateProject.
 */
export function checkUserParameters(
  profile: ProjectProfileRecord,
  userParameters: readonly EnvironmentConfigurationUserParameter[],
): void {
  for (const parameter of userParameters) {
    const configName = parameter.environmentConfigurationName;
    const config = profile.environmentConfigurations.find((c) => c.name === configName);
    if (!config) {
      fail(
        'ValidationException',
        `Unknown environment configuration ${configName} in project profile ${profile.id}.`,
      );
    }
    const defined = config.configurationParameters?.resolvedParameters ?? [];
    for (const { name } of parameter.environmentParameters ?? []) {
      const known = defined.find((p) => p.name === name);
      if (!known) {
        fail(
          'ValidationException',
          `Parameter ${name} is not defined by environment configuration ${configName} of project profile ${profile.id}.`,
        );
      }
      if (known.isEditable === false) {
        fail(
          'ValidationException',
          `Parameter ${name} of environment configuration ${configName} is not editable in project profile ${profile.id}.`,
        );
      }
    }
  }
}

/**
 * Checks every ON_CREATE environment of the profile and returns whether there is anything to
 * deploy and, if the deployment will fail, how. Throws ValidationException for a bad placement.
 */
export function planDeployment(
  call: DzCall,
  domain: DomainRecord,
  profile: ProjectProfileRecord,
  userParameters: EnvironmentConfigurationUserParameter[],
): { hasDeployment: boolean; failure?: Failure } {
  checkUserParameters(profile, userParameters);
  const onCreate = profile.environmentConfigurations.filter(
    (c) => (c.deploymentMode ?? 'ON_CREATE') === 'ON_CREATE',
  );
  const failures: Record<'FAILED_VALIDATION' | 'FAILED_DEPLOYMENT', Record<string, Reason[]>> = {
    FAILED_VALIDATION: {},
    FAILED_DEPLOYMENT: {},
  };
  for (const config of onCreate) {
    const resolved = userParameters.find(
      (p) => p.environmentConfigurationName === config.name,
    )?.environmentResolvedAccount;
    const failure = enablementFailure(call, domain, config, place(call, domain, config, resolved));
    if (failure) failures[failure.status][config.name ?? ''] = [failure.reason];
  }
  // Validation failures stop the deployment before anything is deployed, so they win.
  for (const status of ['FAILED_VALIDATION', 'FAILED_DEPLOYMENT'] as const) {
    if (Object.keys(failures[status]).length > 0) {
      return { hasDeployment: true, failure: { status, reasons: failures[status] } };
    }
  }
  return { hasDeployment: onCreate.length > 0 };
}

/**
 * The project's resource tags as output: the caller's (source PROJECT) plus the profile's that the
 * caller did not override (source PROJECT_PROFILE). A non-editable profile tag cannot be given
 * another value, and keys outside the profile need `allowCustomProjectResourceTags`.
 */
export function projectResourceTags(
  call: DzCall,
  profile: ProjectProfileRecord | undefined,
  tags: Record<string, string>,
): ProjectRecord['resourceTags'] {
  const profileTags = profile?.projectResourceTags ?? [];
  for (const [key, value] of Object.entries(tags)) {
    const fromProfile = profileTags.find((t) => t.key === key);
    if (fromProfile && !fromProfile.isValueEditable && fromProfile.value !== value) {
      fail(
        'ValidationException',
        `Resource tag ${key} is set by project profile ${profile?.id} and its value is not editable.`,
      );
    }
    if (profile && !fromProfile && profile.allowCustomProjectResourceTags !== true) {
      fail('ValidationException', `Project profile ${profile.id} does not allow custom resource tag ${key}.`);
    }
  }
  const output: ProjectRecord['resourceTags'] = [
    ...Object.entries(tags).map(([key, value]) => ({ key, value, source: 'PROJECT' as const })),
    ...profileTags
      .filter((t) => !(t.key in tags))
      .map((t) => ({ key: t.key, value: t.value, source: 'PROJECT_PROFILE' as const })),
  ];
  checkQuota(call, 'projectResourceTags', output.length, 'project resource tags');
  return output;
}
