/**
 * BlueprintConfiguration apply against the emulator, through the whole pipeline: the put runs with
 * the credentials of the configuration's account (read back with that account's assumed role,
 * invisible to the others), every mutable field updates with a full overwrite (write-only
 * globalParameters included), deletes (tombstone, prune, already gone), adoption and
 * commit-then-fail.
 */
import { describe, expect, it } from 'vitest';
import {
  DeleteEnvironmentBlueprintConfigurationCommand,
  GetEnvironmentBlueprintConfigurationCommand,
  ListDomainsCommand,
  ListEnvironmentBlueprintsCommand,
  PutEnvironmentBlueprintConfigurationCommand,
  type DataZoneClient,
  type GetEnvironmentBlueprintConfigurationCommandOutput,
} from '@aws-sdk/client-datazone';
import {
  associationManifest as association,
  domainManifest,
  emulatorPerTest,
  itSurvivesRaces,
} from './support.js';

const HOME = '111122223333';
const MEMBER = '444455556666';
const EXTERNAL = '777788889999';
const OUTSIDER = '555566667777';

function domain(prune = false): string {
  return domainManifest({ name: 'corp-data', prune: prune ? 'BlueprintConfiguration' : undefined });
}

interface ConfigOptions {
  account?: string;
  regions?: string[];
  spec?: string;
  absent?: boolean;
  blueprint?: string;
}

function config(options: ConfigOptions = {}): string {
  const account = options.account ? `\n  account: "${options.account}"` : '';
  const lifecycle = options.absent ? 'lifecycle: { ensure: absent }\n' : '';
  return `---
apiVersion: smus-gitops/v1alpha1
kind: BlueprintConfiguration
metadata:
  name: ${options.blueprint ?? 'Tooling'}
  domain: corp-data
${lifecycle}spec:${account}
  enabledRegions: [${(options.regions ?? ['us-east-1']).join(', ')}]
${options.spec ?? ''}`;
}

const FULL_SPEC = `  provisioningRole: arn:aws:iam::444455556666:role/Provisioning
  manageAccessRole: arn:aws:iam::444455556666:role/ManageAccess
  permissionBoundary: arn:aws:iam::aws:policy/AmazonDataZoneBoundary
  regionalParameters:
    us-east-1: { VpcId: vpc-1, Subnets: "subnet-1,subnet-2" }
  globalParameters: { mode: strict }
`;

const h = emulatorPerTest({
  behaviour: {
    externalAccountIds: [EXTERNAL],
    durations: { domainCreate: 0, domainDelete: 0, ramAssociate: 0 },
    // Blueprints in one page: 23 managed blueprints in pages of 5 cost a rate-limited second per run.
    defaultPageSize: 25,
  },
});
const { applyOk, planLines } = h;

/** The domain id and a blueprint's id, read as the home account. */
async function ids(blueprint = 'Tooling'): Promise<{ domainId: string; blueprintId: string }> {
  const dz = h.emu.dataZone();
  try {
    const domainId = (await dz.send(new ListDomainsCommand({}))).items?.[0]?.id ?? '';
    const list = await dz.send(
      new ListEnvironmentBlueprintsCommand({ domainIdentifier: domainId, managed: true, name: blueprint }),
    );
    return { domainId, blueprintId: list.items?.[0]?.id ?? '' };
  } finally {
    dz.destroy();
  }
}

/** Clients of an account: the home account's own, or its assumed role. */
async function dataZoneOf(account: string): Promise<DataZoneClient> {
  return account === HOME ? h.emu.dataZone() : (await h.emu.asAccount(account)).dataZone();
}

/** GetEnvironmentBlueprintConfiguration as `account`: the output, or the error's name. */
async function readAs(
  account: string,
  blueprint = 'Tooling',
): Promise<GetEnvironmentBlueprintConfigurationCommandOutput | string> {
  const { domainId, blueprintId } = await ids(blueprint);
  const dz = await dataZoneOf(account);
  try {
    return await dz.send(
      new GetEnvironmentBlueprintConfigurationCommand({
        domainIdentifier: domainId,
        environmentBlueprintIdentifier: blueprintId,
      }),
    );
  } catch (error) {
    return (error as Error).name;
  } finally {
    dz.destroy();
  }
}

function stored(account: string): Record<string, unknown> | undefined {
  const state = h.emu.emulator.world.services.datazone as {
    blueprintConfigurations: Record<
      string,
      { accountId: string; globalParameters?: Record<string, unknown> }
    >;
  };
  const found = Object.values(state.blueprintConfigurations).filter((c) => c.accountId === account);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.globalParameters;
}

describe('BlueprintConfiguration apply', () => {
  it("puts the domain account's configuration with its own credentials and round-trips", async () => {
    const yaml = domain() + config({ regions: ['us-east-1', 'eu-west-1'] });
    await applyOk(yaml);
    const got = await readAs(HOME);
    expect(typeof got).toBe('object');
    expect((got as GetEnvironmentBlueprintConfigurationCommandOutput).enabledRegions?.sort()).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
    expect(await planLines(yaml)).toEqual([]);
  });

  it("puts an associated account's configuration as that account: visible to it, not to others", async () => {
    const yaml =
      domain() + association(MEMBER) + association(OUTSIDER) + config({ account: MEMBER, spec: FULL_SPEC });
    await applyOk(yaml);
    const got = (await readAs(MEMBER)) as GetEnvironmentBlueprintConfigurationCommandOutput;
    expect(got.enabledRegions).toEqual(['us-east-1']);
    expect(got.provisioningRoleArn).toBe('arn:aws:iam::444455556666:role/Provisioning');
    expect(got.manageAccessRoleArn).toBe('arn:aws:iam::444455556666:role/ManageAccess');
    expect(got.environmentRolePermissionBoundary).toBe('arn:aws:iam::aws:policy/AmazonDataZoneBoundary');
    expect(got.regionalParameters).toEqual({ 'us-east-1': { VpcId: 'vpc-1', Subnets: 'subnet-1,subnet-2' } });
    expect(stored(MEMBER)).toEqual({ mode: 'strict' });
    expect(await readAs(HOME)).toBe('ResourceNotFoundException');
    expect(await readAs(OUTSIDER)).toBe('ResourceNotFoundException');
    expect(await planLines(yaml)).toEqual([]);
  });

  it('associates an external account, then puts its configuration with its assumed role', async () => {
    const yaml = domain() + association(EXTERNAL) + config({ account: EXTERNAL });
    await applyOk(yaml);
    expect(
      ((await readAs(EXTERNAL)) as GetEnvironmentBlueprintConfigurationCommandOutput).enabledRegions,
    ).toEqual(['us-east-1']);
    expect(await planLines(yaml)).toEqual([]);
  });

  it('updates every mutable field with a full overwrite, globalParameters included', async () => {
    await applyOk(domain() + association(MEMBER) + config({ account: MEMBER, spec: FULL_SPEC }));
    const changed = `  provisioningRole: arn:aws:iam::444455556666:role/Provisioning2
  manageAccessRole: arn:aws:iam::444455556666:role/ManageAccess2
  regionalParameters:
    eu-west-1: { VpcId: vpc-2 }
  globalParameters: { mode: relaxed }
`;
    const yaml =
      domain() + association(MEMBER) + config({ account: MEMBER, regions: ['eu-west-1'], spec: changed });
    expect(await planLines(yaml)).toEqual([`update BlueprintConfiguration/Tooling@${MEMBER}`]);
    await applyOk(yaml);
    const got = (await readAs(MEMBER)) as GetEnvironmentBlueprintConfigurationCommandOutput;
    expect(got.enabledRegions).toEqual(['eu-west-1']);
    expect(got.provisioningRoleArn).toBe('arn:aws:iam::444455556666:role/Provisioning2');
    expect(got.manageAccessRoleArn).toBe('arn:aws:iam::444455556666:role/ManageAccess2');
    // Removed from the manifest, so gone after the overwrite.
    expect(got.environmentRolePermissionBoundary).toBeUndefined();
    expect(got.regionalParameters).toEqual({ 'eu-west-1': { VpcId: 'vpc-2' } });
    expect(stored(MEMBER)).toEqual({ mode: 'relaxed' });
    expect(await planLines(yaml)).toEqual([]);
  });

  it('accepts an empty enabledRegions list (disabled everywhere)', async () => {
    await applyOk(domain() + config());
    const yaml = domain() + config({ regions: [] });
    expect(await planLines(yaml)).toEqual([`update BlueprintConfiguration/Tooling@${HOME}`]);
    await applyOk(yaml);
    expect(
      ((await readAs(HOME)) as GetEnvironmentBlueprintConfigurationCommandOutput).enabledRegions ?? [],
    ).toEqual([]);
    expect(await planLines(yaml)).toEqual([]);
  });

  it('deletes on a tombstone and on prune, in the configuration account', async () => {
    await applyOk(
      domain() +
        association(MEMBER) +
        config({ account: MEMBER }) +
        config({ account: MEMBER, blueprint: 'DataLake' }),
    );
    const tombstone =
      domain() +
      association(MEMBER) +
      config({ account: MEMBER, absent: true }) +
      config({ account: MEMBER, blueprint: 'DataLake' });
    expect(await planLines(tombstone)).toEqual([`delete BlueprintConfiguration/Tooling@${MEMBER}`]);
    await applyOk(tombstone);
    expect(await readAs(MEMBER)).toBe('ResourceNotFoundException');
    expect(await planLines(tombstone)).toEqual([]);
    const pruned = domain(true) + association(MEMBER);
    expect(await planLines(pruned)).toEqual([`delete BlueprintConfiguration/DataLake@${MEMBER}`]);
    await applyOk(pruned);
    expect(await readAs(MEMBER, 'DataLake')).toBe('ResourceNotFoundException');
    expect(await planLines(pruned)).toEqual([]);
  });

  it('adopts a configuration put beforehand: one configuration, converged', async () => {
    await applyOk(domain());
    const { domainId, blueprintId } = await ids();
    const dz = h.emu.dataZone();
    await dz.send(
      new PutEnvironmentBlueprintConfigurationCommand({
        domainIdentifier: domainId,
        environmentBlueprintIdentifier: blueprintId,
        enabledRegions: ['us-west-2'],
      }),
    );
    dz.destroy();
    const yaml = domain() + config();
    expect(await planLines(yaml)).toEqual([`update BlueprintConfiguration/Tooling@${HOME}`]);
    await applyOk(yaml);
    expect(
      ((await readAs(HOME)) as GetEnvironmentBlueprintConfigurationCommandOutput).enabledRegions,
    ).toEqual(['us-east-1']);
    expect(stored(HOME)).toBeUndefined();
  });

  itSurvivesRaces(h, {
    commitThenFail: {
      title: 'converges when the put commits but answers 500',
      operation: 'PutEnvironmentBlueprintConfiguration',
      before: domain(),
      yaml: domain() + config({ spec: FULL_SPEC }),
      byStatus: { 500: 1, 200: 1 },
      async check() {
        expect(stored(HOME)).toEqual({ mode: 'strict' });
      },
    },
    alreadyGone: {
      what: 'a configuration',
      before: domain() + association(MEMBER) + config({ account: MEMBER }),
      tombstone: domain() + association(MEMBER) + config({ account: MEMBER, absent: true }),
      async deleteAfterPlan() {
        const { domainId, blueprintId } = await ids();
        const dz = await dataZoneOf(MEMBER);
        await dz.send(
          new DeleteEnvironmentBlueprintConfigurationCommand({
            domainIdentifier: domainId,
            environmentBlueprintIdentifier: blueprintId,
          }),
        );
        dz.destroy();
      },
      async check() {
        expect(await readAs(MEMBER)).toBe('ResourceNotFoundException');
      },
    },
  });
});
