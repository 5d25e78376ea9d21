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
  ListProjectProfilesCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, test } from 'vitest';
import { profileRequest, targetMembers } from '../../../src/apply/operations/project-profile-request.js';
import { actionLines } from '../../helpers/apply.js';
import { HOME, domainManifest, fastEmulator, itSurvivesRaces, observedId } from './support.js';

const h = fastEmulator();
const { applyOk, converged, domainId } = h;
const OTHER = '444455556666';

function domainYaml(prune = false): string {
  return `${domainManifest({ prune: prune ? 'ProjectProfile' : undefined })}---
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

async function profiles() {
  const id = await domainId();
  const items = (await h.dz.send(new ListProjectProfilesCommand({ domainIdentifier: id }))).items ?? [];
  const all = await Promise.all(
    items.map((p) => h.dz.send(new GetProjectProfileCommand({ domainIdentifier: id, identifier: p.id }))),
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
    await applyOk(BOTH);
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
    await applyOk(BOTH);
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
    const run = await applyOk(changed);
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
    await applyOk(BOTH);
    await applyOk(
      [
        domainYaml(),
        profile('Data Engineer', FULL),
        profile('Basic', BASIC, 'lifecycle:\n  ensure: absent\n'),
      ].join(''),
    );
    expect((await profiles()).map((p) => p.name)).toEqual(['Data Engineer']);
    const run = await applyOk(domainYaml(true));
    expect(actionLines(run.plan)).toEqual(['delete ProjectProfile/Data Engineer']);
    expect(await profiles()).toEqual([]);
  });

  itSurvivesRaces(h, {
    adoption: {
      what: 'a profile',
      before: domainYaml(),
      yaml: [domainYaml(), profile('Data Engineer', FULL)].join(''),
      async createAfterPlan() {
        await h.dz.send(
          new CreateProjectProfileCommand({
            domainIdentifier: await domainId(),
            name: 'Data Engineer',
            status: 'DISABLED',
          }),
        );
      },
      async check() {
        const all = await profiles();
        expect(all).toHaveLength(1);
        expect(all[0]).toMatchObject({ status: 'ENABLED', description: 'Data engineering teams' });
        expect(all[0]?.environmentConfigurations).toHaveLength(3);
      },
    },
    commitThenFail: {
      operation: 'CreateProjectProfile',
      before: domainYaml(),
      yaml: BOTH,
      async check() {
        expect((await profiles()).map((p) => p.name)).toEqual(['Basic', 'Data Engineer']);
      },
    },
    alreadyGone: {
      what: 'a profile',
      before: BOTH,
      tombstone: [domainYaml(), profile('Basic', BASIC, 'lifecycle:\n  ensure: absent\n')].join(''),
      async deleteAfterPlan(planned) {
        await h.dz.send(
          new DeleteProjectProfileCommand({
            domainIdentifier: await domainId(),
            identifier: observedId(planned, 'ProjectProfile', 'Basic'),
          }),
        );
      },
    },
  });
});
