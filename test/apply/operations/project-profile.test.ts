/**
 * The ProjectProfile operation against the emulator through the whole pipeline: every target form
 * (pools, fixed account + region, all associated accounts), parameters, resource tags and the
 * owning unit (round trip); an update that sends the complete environment list; tombstone and
 * prune deletes; adoption; commit-then-fail on CreateProjectProfile; the delete of a profile that
 * is already gone; and the request building on its own.
 */
import {
  CreateProjectProfileCommand,
  DeleteProjectProfileCommand,
  GetProjectProfileCommand,
  ListDomainsCommand,
  ListProjectProfilesCommand,
  type DataZoneClient,
} from '@aws-sdk/client-datazone';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { profileRequest, targetMembers } from '../../../src/apply/operations/project-profile-request.js';
import { resolveDesired } from '../../../src/plan/planner.js';
import {
  actionLines,
  applyManifests,
  expectAllDone,
  planManifests,
  type PlannedRun,
} from '../../helpers/apply.js';
import { withEmulator } from '../../helpers/emulator.js';

const emu = withEmulator({ behaviour: { durations: { domainCreate: 0, domainDelete: 0 } } });
const HOME = '111122223333';
const OTHER = '444455556666';

function domainYaml(prune = false): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: corp
spec:
  region: us-east-1
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
${prune ? '  reconcile:\n    prune: [ProjectProfile]\n' : ''}---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata:
  name: HR
  domain: corp
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: AccountPool
metadata:
  name: pool-a
  domain: corp
spec:
  accounts:
    - id: "${OTHER}"
      regions: [us-east-1]
`;
}

function profile(name: string, spec: string, extra = ''): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata:
  name: ${name}
  domain: corp
${extra}spec:
${spec}
`;
}

const FULL = `  description: Data engineering teams
  domainUnit: HR
  allowCustomProjectResourceTags: true
  projectResourceTagsDescription: Tags for cost allocation
  projectResourceTags:
    - { key: cost-center, value: data-eng }
    - { key: owner, value: tbd, editable: true }
  environments:
    - name: Tooling
      blueprint: Tooling
      deploymentOrder: 0
      target: { accountPools: [pool-a] }
      parameters:
        - { name: idleTimeoutInMinutes, value: "60", editable: true }
    - name: Lake
      description: Lakehouse
      blueprint: DataLake
      deploymentMode: ON_DEMAND
      target: { account: "${HOME}", region: us-east-1 }
    - name: Flows
      blueprint: Workflows
      target: { allAssociatedAccounts: true }`;
const BASIC = '  status: DISABLED';
const BOTH = [domainYaml(), profile('Data Engineer', FULL), profile('Basic', BASIC)].join('');

let dz: DataZoneClient;
beforeEach(async () => {
  await emu.emulator.control.reset();
  emu.emulator.control.clearFaults();
  emu.emulator.control.resetStats();
  dz = emu.dataZone();
});
afterEach(() => dz.destroy());

async function applyPlanned(planned: PlannedRun) {
  const { desired, domainAccount } = resolveDesired(planned.loaded.documents, planned.observation);
  const outcomes = await applyPlan(planned.plan, {
    clients: planned.clients,
    desired,
    observation: planned.observation,
    domainAccount,
    timing: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
    random: Math.random,
    onEvent: () => undefined,
    log: () => undefined,
  });
  planned.clients.destroy();
  return outcomes;
}

async function apply(yaml: string) {
  const run = await applyManifests(yaml, emu.endpoint);
  expectAllDone(run);
  run.clients.destroy();
  return run;
}

async function converged(yaml: string) {
  const again = await planManifests(yaml, emu.endpoint);
  expect(actionLines(again.plan)).toEqual([]);
  again.clients.destroy();
}

async function domainId(): Promise<string> {
  const [domain] = (await dz.send(new ListDomainsCommand({}))).items ?? [];
  return domain?.id ?? '';
}

async function profiles() {
  const id = await domainId();
  const items = (await dz.send(new ListProjectProfilesCommand({ domainIdentifier: id }))).items ?? [];
  const all = await Promise.all(
    items.map((p) => dz.send(new GetProjectProfileCommand({ domainIdentifier: id, identifier: p.id }))),
  );
  return all.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

describe('profile requests', () => {
  test('targets map to pools, a fixed account and region, or neither', () => {
    const pool = (name: string) => `id-${name}`;
    expect(targetMembers({ accountPools: ['a', 'b'] }, pool)).toEqual({ accountPools: ['id-a', 'id-b'] });
    expect(targetMembers({ account: HOME, region: 'us-east-1' }, pool)).toEqual({
      awsAccount: { awsAccountId: HOME },
      awsRegion: { regionName: 'us-east-1' },
    });
    expect(targetMembers({ allAssociatedAccounts: true }, pool)).toEqual({});
  });

  test('unset optional fields are sent empty, so a PATCH clears them', async () => {
    const body = await profileRequest(
      { status: 'ENABLED', allowCustomProjectResourceTags: false },
      { blueprintId: async (n) => n, poolId: (n) => n, unitId: () => 'root' },
    );
    expect(body).toEqual({
      description: '',
      status: 'ENABLED',
      domainUnitIdentifier: 'root',
      allowCustomProjectResourceTags: false,
      projectResourceTagsDescription: '',
      projectResourceTags: [],
      environmentConfigurations: [],
    });
  });
});

describe('ProjectProfile operation', () => {
  test('creates profiles with every target form; a second plan has no changes', async () => {
    await apply(BOTH);
    const [basic, full] = await profiles();
    expect(basic).toMatchObject({ name: 'Basic', status: 'DISABLED' });
    expect(
      full?.environmentConfigurations?.map((e) => [
        e.name,
        e.accountPools?.length ?? 0,
        e.awsAccount?.awsAccountId ?? '-',
      ]),
    ).toEqual([
      ['Tooling', 1, '-'],
      ['Lake', 0, HOME],
      ['Flows', 0, '-'],
    ]);
    expect(full?.environmentConfigurations?.[0]?.configurationParameters?.parameterOverrides).toEqual([
      { name: 'idleTimeoutInMinutes', value: '60', isEditable: true },
    ]);
    await converged(BOTH);
  });

  test('an update sends the complete environment list and every other field', async () => {
    await apply(BOTH);
    const changed = [
      domainYaml(),
      profile(
        'Data Engineer',
        `  description: Changed
  status: DISABLED
  environments:
    - name: Flows
      blueprint: Workflows
      deploymentMode: ON_DEMAND
      target: { account: "${OTHER}", region: us-west-2 }`,
      ),
      profile('Basic', BASIC),
    ].join('');
    const run = await apply(changed);
    expect(actionLines(run.plan)).toEqual(['update ProjectProfile/Data Engineer']);
    const [, full] = await profiles();
    expect(full).toMatchObject({
      description: 'Changed',
      status: 'DISABLED',
      allowCustomProjectResourceTags: false,
    });
    expect(full?.environmentConfigurations?.map((e) => e.name)).toEqual(['Flows']);
    await converged(changed);
  });

  test('a tombstone deletes a profile; prune deletes an undeclared one', async () => {
    await apply(BOTH);
    await apply(
      [
        domainYaml(),
        profile('Data Engineer', FULL),
        profile('Basic', BASIC, 'lifecycle:\n  ensure: absent\n'),
      ].join(''),
    );
    expect((await profiles()).map((p) => p.name)).toEqual(['Data Engineer']);
    const run = await apply(domainYaml(true));
    expect(actionLines(run.plan)).toEqual(['delete ProjectProfile/Data Engineer']);
    expect(await profiles()).toEqual([]);
  });

  test('adopts a profile created after the plan and brings it to the manifest', async () => {
    await apply(domainYaml());
    const planned = await planManifests(
      [domainYaml(), profile('Data Engineer', FULL)].join(''),
      emu.endpoint,
    );
    await dz.send(
      new CreateProjectProfileCommand({
        domainIdentifier: await domainId(),
        name: 'Data Engineer',
        status: 'DISABLED',
      }),
    );
    const outcomes = await applyPlanned(planned);
    expect(outcomes.filter((o) => o.change.action !== 'noop').map((o) => o.status)).toEqual(['done']);
    const all = await profiles();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'ENABLED', description: 'Data engineering teams' });
    expect(all[0]?.environmentConfigurations).toHaveLength(3);
  });

  test('a CreateProjectProfile that commits but answers 500 is adopted: no duplicate', async () => {
    await apply(domainYaml());
    emu.emulator.control.setFaults([{ operation: 'CreateProjectProfile', commitThenFailPct: 100, count: 1 }]);
    await apply(BOTH);
    expect(emu.emulator.control.stats().operations['datazone.CreateProjectProfile']?.byStatus['500']).toBe(1);
    expect((await profiles()).map((p) => p.name)).toEqual(['Basic', 'Data Engineer']);
    await converged(BOTH);
  });

  test('deleting a profile that is already gone succeeds', async () => {
    await apply(BOTH);
    const planned = await planManifests(
      [domainYaml(), profile('Basic', BASIC, 'lifecycle:\n  ensure: absent\n')].join(''),
      emu.endpoint,
    );
    const basic = planned.observation.resources.find(
      (r) => r.address.kind === 'ProjectProfile' && r.address.name === 'Basic',
    );
    await dz.send(
      new DeleteProjectProfileCommand({ domainIdentifier: await domainId(), identifier: basic?.id }),
    );
    const outcomes = await applyPlanned(planned);
    expect(
      outcomes.filter((o) => o.change.action !== 'noop').map((o) => `${o.status} ${o.change.action}`),
    ).toEqual(['done delete']);
  });
});
