/**
 * Seeds the emulator from the example organisation (org.ts) with direct SDK calls, as a user or
 * the console would have created it, and builds the ClientFactory and ReadScope the readers use.
 */
import type { Timing } from '../../src/aws/rate-budget.js';
import {
  CreateAccountPoolCommand,
  CreateDomainCommand,
  CreateDomainUnitCommand,
  CreateProjectCommand,
  CreateProjectMembershipCommand,
  CreateProjectProfileCommand,
  ListEnvironmentBlueprintsCommand,
  PutEnvironmentBlueprintConfigurationCommand,
  type DataZoneClient,
} from '@aws-sdk/client-datazone';
import { CreateResourceShareCommand } from '@aws-sdk/client-ram';
import { CreateDomainCommand as CreateStudioDomainCommand } from '@aws-sdk/client-sagemaker';
import { ClientFactory } from '../../src/aws/clients.js';
import { MANIFEST_KINDS, type ManifestOf } from '../../src/model/manifest.js';
import type { ReadScope } from '../../src/live/types.js';
import { HOME_CREDENTIALS, INSTANT_DURATIONS, type TestEmulator } from '../helpers/emulator.js';
import * as org from './org.js';

/** Emulator options of the live tests: async states settle at once. */
export const LIVE_EMULATOR_OPTIONS = {
  behaviour: {
    durations: INSTANT_DURATIONS,
  },
};

/** A client factory of the tool against the emulator: one attempt, so a fault is seen at once. */
export function factoryFor(emu: TestEmulator): ClientFactory {
  return new ClientFactory({
    endpoint: emu.endpoint,
    credentials: { ...HOME_CREDENTIALS },
    maxAttempts: 1,
    requestTimeoutMs: 10_000,
  });
}

/**
 * Pacing options with virtual time: sleeps advance a clock instead of waiting, so rate pacing
 * and retry backoff cost nothing in tests (and jitter is fixed).
 */
export function virtualTime(): { timing: Timing; random: () => number } {
  let now = 0;
  return {
    timing: {
      now: () => now,
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      },
    },
    random: () => 0.5,
  };
}

/** The scope that reads the whole organisation (every kind pruned, so everything is fetched). */
export function fullScope(overrides: Partial<ReadScope['domains'][number]> = {}): ReadScope {
  return {
    domains: [
      {
        name: 'corp',
        region: 'us-east-1',
        wanted: {},
        allKinds: MANIFEST_KINDS.filter((k) => k !== 'Policy' && k !== 'Domain' && k !== 'StudioDomain'),
        ...overrides,
      },
    ],
    accounts: [{ domain: 'corp', account: org.OTHER, roleArn: org.OTHER_ROLE }],
    studioDomains: [{ region: 'us-east-1', names: ['studio-a'], prune: false }],
  };
}

/** The ids the seed created. */
export interface Seeded {
  domainId: string;
  domainArn: string;
  rootUnitId: string;
  unitIds: Record<string, string>;
  poolIds: Record<string, string>;
  profileIds: Record<string, string>;
  projectIds: Record<string, string>;
  blueprintIds: Record<string, string>;
}

/** Creates a V2 domain from a Domain manifest. */
export async function createDomain(dz: DataZoneClient, manifest: ManifestOf<'Domain'>) {
  const s = manifest.spec;
  return dz.send(
    new CreateDomainCommand({
      name: manifest.metadata.name,
      description: s.description,
      domainExecutionRole: s.executionRole,
      serviceRole: s.serviceRole,
      kmsKeyIdentifier: s.kmsKey,
      singleSignOn: s.singleSignOn,
      tags: s.tags,
      domainVersion: 'V2',
    }),
  );
}

async function blueprintIds(dz: DataZoneClient, domainId: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  let nextToken: string | undefined;
  do {
    const out = await dz.send(
      new ListEnvironmentBlueprintsCommand({ domainIdentifier: domainId, managed: true, nextToken }),
    );
    for (const b of out.items ?? []) ids[b.name ?? ''] = b.id ?? '';
    nextToken = out.nextToken;
  } while (nextToken);
  return ids;
}

function profileInput(manifest: ManifestOf<'ProjectProfile'>, seeded: Seeded) {
  const s = manifest.spec;
  return {
    domainIdentifier: seeded.domainId,
    name: manifest.metadata.name,
    description: s.description,
    status: s.status,
    domainUnitIdentifier: s.domainUnit ? seeded.unitIds[s.domainUnit] : undefined,
    allowCustomProjectResourceTags: s.allowCustomProjectResourceTags,
    projectResourceTagsDescription: s.projectResourceTagsDescription,
    projectResourceTags: s.projectResourceTags?.map((t) => ({
      key: t.key,
      value: t.value,
      isValueEditable: t.editable ?? false,
    })),
    environmentConfigurations: s.environments?.map((e) => ({
      name: e.name,
      description: e.description,
      environmentBlueprintId: seeded.blueprintIds[e.blueprint] ?? '',
      deploymentMode: e.deploymentMode,
      deploymentOrder: e.deploymentOrder,
      accountPools: e.target.accountPools?.map((p) => seeded.poolIds[p] ?? ''),
      awsAccount: e.target.account ? { awsAccountId: e.target.account } : undefined,
      awsRegion: e.target.region ? { regionName: e.target.region } : undefined,
      configurationParameters: e.parameters && {
        parameterOverrides: e.parameters.map((p) => ({
          name: p.name,
          value: p.value,
          isEditable: p.editable,
        })),
      },
    })),
  };
}

/** Creates a project (and its extra members) from a Project manifest. */
export async function createProject(
  dz: DataZoneClient,
  manifest: ManifestOf<'Project'>,
  seeded: Seeded,
): Promise<string> {
  const s = manifest.spec;
  const out = await dz.send(
    new CreateProjectCommand({
      domainIdentifier: seeded.domainId,
      name: manifest.metadata.name,
      description: s.description,
      projectProfileId: s.profile === undefined ? undefined : seeded.profileIds[s.profile],
      domainUnitId: s.domainUnit ? seeded.unitIds[s.domainUnit] : undefined,
      resourceTags: s.resourceTags,
      userParameters: s.environments?.map((e) => ({
        environmentConfigurationName: e.name,
        environmentResolvedAccount: e.target && {
          awsAccountId: e.target.account,
          regionName: e.target.region,
        },
        environmentParameters:
          e.parameters && Object.entries(e.parameters).map(([name, value]) => ({ name, value })),
      })),
    }),
  );
  for (const m of s.members ?? []) {
    await dz.send(
      new CreateProjectMembershipCommand({
        domainIdentifier: seeded.domainId,
        projectIdentifier: out.id ?? '',
        member: m.user !== undefined ? { userIdentifier: m.user } : { groupIdentifier: m.group ?? '' },
        designation: m.designation as 'PROJECT_OWNER',
      }),
    );
  }
  return out.id ?? '';
}

/** Seeds the whole example organisation; returns the ids. */
export async function seedOrg(emu: TestEmulator): Promise<Seeded> {
  const dz = emu.dataZone();
  await emu.emulator.control.serviceControl('datazone', 'sso-users', { userNames: ['jdoe'] });
  const created = await createDomain(dz, org.domain);
  const domainId = created.id ?? '';
  const seeded: Seeded = {
    domainId,
    domainArn: created.arn ?? '',
    rootUnitId: created.rootDomainUnitId ?? '',
    unitIds: {},
    poolIds: {},
    profileIds: {},
    projectIds: {},
    blueprintIds: await blueprintIds(dz, domainId),
  };
  for (const unit of org.units) {
    const path = unit.metadata.name;
    const parent = path.includes('/')
      ? seeded.unitIds[path.slice(0, path.lastIndexOf('/'))]
      : seeded.rootUnitId;
    const out = await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domainId,
        parentDomainUnitIdentifier: parent ?? '',
        name: path.split('/').pop() ?? '',
        description: unit.spec.description,
      }),
    );
    seeded.unitIds[path] = out.id ?? '';
  }
  for (const pool of org.pools) {
    const s = pool.spec;
    const out = await dz.send(
      new CreateAccountPoolCommand({
        domainIdentifier: domainId,
        name: pool.metadata.name,
        description: s.description,
        resolutionStrategy: 'MANUAL',
        accountSource: s.accounts
          ? {
              accounts: s.accounts.map((a) => ({
                awsAccountId: a.id,
                awsAccountName: a.name,
                supportedRegions: a.regions,
              })),
            }
          : { customAccountPoolHandler: s.customHandler ?? { lambdaFunctionArn: '' } },
      }),
    );
    seeded.poolIds[pool.metadata.name] = out.id ?? '';
  }
  await emu.ram().send(
    new CreateResourceShareCommand({
      name: 'DataZone-corp-444455556666',
      resourceArns: [seeded.domainArn],
      principals: [org.OTHER],
      permissionArns: [
        'arn:aws:ram::aws:permission/AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceWithPortalAccess',
      ],
    }),
  );
  const other = await emu.asAccount(org.OTHER);
  for (const config of org.configurations) {
    const client = config.spec.account === org.OTHER ? other.dataZone() : dz;
    const s = config.spec;
    await client.send(
      new PutEnvironmentBlueprintConfigurationCommand({
        domainIdentifier: domainId,
        environmentBlueprintIdentifier: seeded.blueprintIds[config.metadata.name] ?? '',
        enabledRegions: s.enabledRegions,
        provisioningRoleArn: s.provisioningRole,
        manageAccessRoleArn: s.manageAccessRole,
        environmentRolePermissionBoundary: s.permissionBoundary,
        regionalParameters: s.regionalParameters,
        globalParameters: s.globalParameters,
      }),
    );
  }
  for (const profile of org.profiles) {
    const out = await dz.send(new CreateProjectProfileCommand(profileInput(profile, seeded)));
    seeded.profileIds[profile.metadata.name] = out.id ?? '';
  }
  for (const project of [org.project, org.smallProject]) {
    seeded.projectIds[project.metadata.name] = await createProject(dz, project, seeded);
  }
  const s = org.studio.spec;
  await emu.sageMaker().send(
    new CreateStudioDomainCommand({
      DomainName: org.studio.metadata.name,
      AuthMode: s.authMode,
      VpcId: s.vpcId,
      SubnetIds: s.subnetIds,
      AppNetworkAccessType: s.appNetworkAccessType,
      KmsKeyId: s.kmsKeyId,
      DefaultUserSettings: {
        ExecutionRole: s.defaultUserSettings?.executionRole,
        SecurityGroups: s.defaultUserSettings?.securityGroups,
      },
      Tags: Object.entries(s.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  return seeded;
}
