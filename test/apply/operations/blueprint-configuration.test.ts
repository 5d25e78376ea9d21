/**
 * BlueprintConfiguration apply against the emulator, through the whole pipeline: the put runs with
 * the credentials of the configuration's account (read back with that account's assumed role,
 * invisible to the others), every mutable field updates with a full overwrite (write-only
 * globalParameters included), deletes (tombstone, prune, already gone), adoption and
 * commit-then-fail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DeleteEnvironmentBlueprintConfigurationCommand,
  GetEnvironmentBlueprintConfigurationCommand,
  ListDomainsCommand,
  ListEnvironmentBlueprintsCommand,
  PutEnvironmentBlueprintConfigurationCommand,
  type DataZoneClient,
  type GetEnvironmentBlueprintConfigurationCommandOutput,
} from '@aws-sdk/client-datazone';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import {
  actionLines,
  applyManifests,
  expectAllDone,
  planManifests,
  type PlannedRun,
} from '../../helpers/apply.js';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { resolveDesired } from '../../../src/plan/planner.js';

const HOME = '111122223333';
const MEMBER = '444455556666';
const EXTERNAL = '777788889999';
const OUTSIDER = '555566667777';

const DOMAIN = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: corp-data
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
`;

function domain(prune = false): string {
  return prune ? `${DOMAIN}  reconcile:\n    prune: [BlueprintConfiguration]\n` : DOMAIN;
}

function association(account: string): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: AccountAssociation
metadata:
  name: "${account}"
  domain: corp-data
spec:
  access: portal
  assumeRoleArn: arn:aws:iam::${account}:role/SmusGitOpsDeployer
`;
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

let emu: TestEmulator;

beforeEach(async () => {
  emu = await startTestEmulator({
    behaviour: {
      externalAccountIds: [EXTERNAL],
      durations: { domainCreate: 0, domainDelete: 0, ramAssociate: 0 },
      // Blueprints in one page: 23 managed blueprints in pages of 5 cost a rate-limited second per run.
      defaultPageSize: 25,
    },
  });
});

afterEach(async () => {
  await emu.close();
});

async function applyOk(yaml: string) {
  const run = await applyManifests(yaml, emu.endpoint);
  expectAllDone(run);
  run.clients.destroy();
  return run;
}

async function planLines(yaml: string): Promise<string[]> {
  const run = await planManifests(yaml, emu.endpoint);
  run.clients.destroy();
  return actionLines(run.plan);
}

/** The domain id and a blueprint's id, read as the home account. */
async function ids(blueprint = 'Tooling'): Promise<{ domainId: string; blueprintId: string }> {
  const dz = emu.dataZone();
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
  return account === HOME ? emu.dataZone() : (await emu.asAccount(account)).dataZone();
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
  const state = emu.emulator.world.services.datazone as {
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

  it('succeeds when the configuration to delete is already gone', async () => {
    await applyOk(domain() + association(MEMBER) + config({ account: MEMBER }));
    const planned = await planManifests(
      domain() + association(MEMBER) + config({ account: MEMBER, absent: true }),
      emu.endpoint,
    );
    const { domainId, blueprintId } = await ids();
    const dz = await dataZoneOf(MEMBER);
    await dz.send(
      new DeleteEnvironmentBlueprintConfigurationCommand({
        domainIdentifier: domainId,
        environmentBlueprintIdentifier: blueprintId,
      }),
    );
    dz.destroy();
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    expect(await readAs(MEMBER)).toBe('ResourceNotFoundException');
  });

  it('adopts a configuration put beforehand: one configuration, converged', async () => {
    await applyOk(domain());
    const { domainId, blueprintId } = await ids();
    const dz = emu.dataZone();
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

  it('converges when the put commits but answers 500', async () => {
    await applyOk(domain());
    emu.emulator.control.setFaults([
      { operation: 'PutEnvironmentBlueprintConfiguration', commitThenFailPct: 100, count: 1 },
    ]);
    const yaml = domain() + config({ spec: FULL_SPEC });
    await applyOk(yaml);
    expect(
      emu.emulator.control.stats().operations['datazone.PutEnvironmentBlueprintConfiguration']?.byStatus,
    ).toEqual({ 500: 1, 200: 1 });
    expect(stored(HOME)).toEqual({ mode: 'strict' });
    expect(await planLines(yaml)).toEqual([]);
  });
});

/** Applies an already computed plan (as applyManifests does after planning). */
async function applyPlanned(planned: PlannedRun) {
  const { desired, domainAccount } = resolveDesired(planned.loaded.documents, planned.observation);
  const outcomes = await applyPlan(planned.plan, {
    clients: planned.clients,
    desired,
    observation: planned.observation,
    domainAccount,
    timing: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) },
    random: Math.random,
    onEvent: () => undefined,
    log: () => undefined,
  });
  planned.clients.destroy();
  return outcomes;
}
