/**
 * The Project operation against the emulator through the whole pipeline: create with resolved
 * accounts, parameters, tags and members, waiting for the deployment (round trip); in-place
 * updates of every mutable field and of the members, never deleting the tool's own membership;
 * replace on a target change; a failed deployment as an ApplyError with its reasons; tombstone
 * and prune deletes; adoption; commit-then-fail on CreateProject; the delete of a project that is
 * already gone; and the request building on its own.
 */
import {
  CreateProjectCommand,
  DeleteProjectCommand,
  GetProjectCommand,
  ListProjectMembershipsCommand,
  ListProjectsCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, test } from 'vitest';
import { memberChanges } from '../../../src/apply/operations/project-members.js';
import { userParameters } from '../../../src/apply/operations/project-request.js';
import { projectPatch } from '../../../src/apply/operations/project.js';
import type { NormalProject } from '../../../src/model/normalized.js';
import { actionLines, applyManifests } from '../../helpers/apply.js';
import { HOME, domainManifest, fastEmulator, itSurvivesRaces, observedId } from './support.js';

const h = fastEmulator({ projectDeploy: 0, projectDelete: 0 });
const { applyOk, converged, domainId } = h;
const CALLER = `user:arn:aws:iam::${HOME}:user/emulator`;
const SARAH = `arn:aws:iam::${HOME}:role/SarahAdmin`;

function base(o: { prune?: boolean; provisioningRole?: boolean } = {}): string {
  return `${domainManifest({ prune: o.prune ? 'Project' : undefined })}---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: HR, domain: corp }
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: BlueprintConfiguration
metadata: { name: Tooling, domain: corp }
spec:
  enabledRegions: [us-east-1, us-west-2]
${o.provisioningRole === false ? '' : `  provisioningRole: arn:aws:iam::${HOME}:role/AmazonSageMakerProvisioning\n`}---
apiVersion: smus-gitops/v1alpha1
kind: AccountPool
metadata: { name: pool-a, domain: corp }
spec:
  accounts:
    - id: "${HOME}"
      regions: [us-east-1, us-west-2]
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Data Engineer, domain: corp }
spec:
  allowCustomProjectResourceTags: true
  environments:
    - name: Tooling
      blueprint: Tooling
      target: { accountPools: [pool-a] }
      parameters:
        - { name: idleTimeoutInMinutes, value: "60", editable: true }
`;
}

function project(
  o: {
    description?: string;
    unit?: string;
    region?: string;
    idle?: string;
    tags?: string;
    members?: string;
    extra?: string;
  } = {},
): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: analytics, domain: corp }
${o.extra ?? ''}spec:
  description: ${o.description ?? 'HR analytics'}
  profile: Data Engineer
${o.unit === undefined ? '  domainUnit: HR\n' : o.unit}  target: { account: "${HOME}", region: ${o.region ?? 'us-east-1'} }
  environments:
    - name: Tooling
      parameters: { idleTimeoutInMinutes: "${o.idle ?? '120'}" }
  resourceTags: ${o.tags ?? '{ team: hr }'}
  members:
${o.members ?? `    - { user: "${SARAH}", designation: PROJECT_CONTRIBUTOR }\n    - { group: analysts, designation: PROJECT_CATALOG_VIEWER }`}
`;
}

const FULL = base() + project();

async function projects() {
  const id = await domainId();
  return (await h.dz.send(new ListProjectsCommand({ domainIdentifier: id }))).items ?? [];
}

async function projectDetail() {
  const id = await domainId();
  const [only] = await projects();
  const got = await h.dz.send(new GetProjectCommand({ domainIdentifier: id, identifier: only?.id }));
  const members = await h.dz.send(
    new ListProjectMembershipsCommand({ domainIdentifier: id, projectIdentifier: only?.id, maxResults: 50 }),
  );
  return { project: got, designations: (members.members ?? []).map((m) => m.designation).sort() };
}

describe('project requests', () => {
  test('userParameters carry the resolved account, the single source pool and the parameters', () => {
    const normal: NormalProject = {
      profile: 'p',
      environments: [
        { name: 'Tooling', target: { account: HOME, region: 'us-east-1' }, parameters: { a: '1' } },
        { name: 'Lake', parameters: { b: '2' } },
      ],
    };
    expect(userParameters(normal, new Map([['Tooling', 'pool1']]))).toEqual([
      {
        environmentConfigurationName: 'Tooling',
        environmentResolvedAccount: {
          awsAccountId: HOME,
          regionName: 'us-east-1',
          sourceAccountPoolId: 'pool1',
        },
        environmentParameters: [{ name: 'a', value: '1' }],
      },
      { environmentConfigurationName: 'Lake', environmentParameters: [{ name: 'b', value: '2' }] },
    ]);
    expect(userParameters({ profile: 'p' })).toBeUndefined();
  });

  test('the patch holds only what differs, and clears what the manifest dropped', () => {
    const live = { profile: 'p', description: 'x', resourceTags: { a: '1' } };
    expect(
      projectPatch({ profile: 'p', description: 'x', resourceTags: { a: '1' } }, live, {
        domainUnitId: 'root',
      }),
    ).toEqual({});
    expect(projectPatch({ profile: 'p' }, live, { domainUnitId: 'root' })).toEqual({
      description: '',
      resourceTags: {},
    });
    expect(Object.keys(projectPatch({ profile: 'p' }, undefined, { domainUnitId: 'u' })).sort()).toEqual([
      'description',
      'domainUnitId',
      'resourceTags',
    ]);
  });

  test('member changes keep the undeclared caller and turn a designation change into delete + create', () => {
    const live = [
      { member: CALLER, designation: 'PROJECT_OWNER', details: { user: { userId: 'c' } } },
      { member: 'user:a', designation: 'PROJECT_CONTRIBUTOR', details: { user: { userId: 'a' } } },
      { member: 'group:g', designation: 'PROJECT_CONTRIBUTOR', details: { group: { groupId: 'g' } } },
    ];
    const declared = [
      { member: 'user:a', designation: 'PROJECT_OWNER' },
      { member: 'user:b', designation: 'PROJECT_CONTRIBUTOR' },
    ];
    const { remove, add } = memberChanges(declared, live, CALLER);
    expect(remove.map((m) => m.member)).toEqual(['user:a', 'group:g']);
    expect(add).toEqual(declared);
    expect(
      memberChanges([{ member: CALLER, designation: 'PROJECT_CONTRIBUTOR' }], live.slice(0, 1), CALLER)
        .remove,
    ).toHaveLength(1);
  });
});

describe('Project operation', () => {
  test('creates the project, waits for its deployment, adds its members; a second plan has no changes', async () => {
    const run = await applyOk(FULL);
    expect(actionLines(run.plan)).toContain('create Project/analytics');
    const { project: p, designations } = await projectDetail();
    expect(p.environmentDeploymentDetails?.overallDeploymentStatus).toBe('SUCCESSFUL');
    expect(p.userParameters).toEqual([
      {
        environmentConfigurationName: 'Tooling',
        environmentResolvedAccount: expect.objectContaining({ awsAccountId: HOME, regionName: 'us-east-1' }),
        environmentParameters: [{ name: 'idleTimeoutInMinutes', value: '120' }],
      },
    ]);
    // The tool's own owner membership stays beside the declared ones.
    expect(designations).toEqual(['PROJECT_CATALOG_VIEWER', 'PROJECT_CONTRIBUTOR', 'PROJECT_OWNER']);
    await converged(FULL);
  });

  test('updates description, unit, tags, parameters and members in place', async () => {
    await applyOk(FULL);
    const [before] = await projects();
    const changed =
      base() +
      project({
        description: 'Changed',
        unit: '',
        idle: '30',
        tags: '{ team: data, owner: me }',
        members: `    - { user: "${SARAH}", designation: PROJECT_OWNER }\n    - { group: stewards, designation: PROJECT_CATALOG_STEWARD }`,
      });
    const run = await applyOk(changed);
    expect(actionLines(run.plan)).toEqual(['update Project/analytics']);
    const [after] = await projects();
    expect(after?.id).toBe(before?.id);
    const { project: p, designations } = await projectDetail();
    expect(p.description).toBe('Changed');
    expect(
      p.resourceTags
        ?.filter((t) => t.source === 'PROJECT')
        .map((t) => `${t.key}=${t.value}`)
        .sort(),
    ).toEqual(['owner=me', 'team=data']);
    expect(designations).toEqual(['PROJECT_CATALOG_STEWARD', 'PROJECT_OWNER', 'PROJECT_OWNER']);
    await converged(changed);
  });

  test('replaces the project when an environment target changes', async () => {
    await applyOk(FULL);
    const [before] = await projects();
    const moved = base() + project({ region: 'us-west-2' });
    const run = await applyOk(moved);
    expect(actionLines(run.plan)).toEqual(['replace Project/analytics']);
    const now = await projects();
    expect(now).toHaveLength(1);
    expect(now[0]?.id).not.toBe(before?.id);
    await converged(moved);
  });

  test('a failed deployment is an ApplyError naming the environment and the reason', async () => {
    const run = await applyManifests(base({ provisioningRole: false }) + project(), h.emu.endpoint);
    run.clients.destroy();
    const failed = run.outcomes.find((o) => o.change.address.kind === 'Project');
    expect(failed?.status).toBe('failed');
    expect((failed?.error as Error).message).toMatch(/FAILED_DEPLOYMENT.*Tooling.*MissingProvisioningRole/);
  });

  test('a tombstone deletes the project; prune deletes an undeclared one', async () => {
    await applyOk(FULL);
    await applyOk(base() + project({ extra: 'lifecycle:\n  ensure: absent\n' }));
    expect(await projects()).toEqual([]);
    await applyOk(FULL);
    const run = await applyOk(base({ prune: true }));
    expect(actionLines(run.plan)).toEqual(['delete Project/analytics']);
    expect(await projects()).toEqual([]);
  });

  itSurvivesRaces(h, {
    adoption: {
      what: 'a project',
      before: base(),
      yaml: FULL,
      async createAfterPlan(planned) {
        await h.dz.send(
          new CreateProjectCommand({
            domainIdentifier: await domainId(),
            name: 'analytics',
            projectProfileId: observedId(planned, 'ProjectProfile', 'Data Engineer'),
            userParameters: [
              {
                environmentConfigurationName: 'Tooling',
                environmentResolvedAccount: { awsAccountId: HOME, regionName: 'us-east-1' },
              },
            ],
          }),
        );
      },
      async check() {
        expect(await projects()).toHaveLength(1);
        await converged(FULL);
      },
    },
    commitThenFail: {
      operation: 'CreateProject',
      before: base(),
      yaml: FULL,
      async check() {
        expect(await projects()).toHaveLength(1);
      },
    },
    alreadyGone: {
      what: 'a project',
      before: FULL,
      tombstone: base() + project({ extra: 'lifecycle:\n  ensure: absent\n' }),
      async deleteAfterPlan(planned) {
        await h.dz.send(
          new DeleteProjectCommand({
            domainIdentifier: await domainId(),
            identifier: observedId(planned, 'Project', 'analytics'),
          }),
        );
      },
    },
  });
});
