/**
 * Issue 18, "call economy in apply", counted against the emulator: creating N projects makes no
 * ListProjects (a create answers Conflict on a taken name, so no lookup goes first), reads their
 * profile once, and confirms the inline members from the listing alone (no profile read); an
 * update of N projects' members reads each principal's profile once per run, not once per
 * membership. The counts are exact: each is the emulator's tally of the apply's requests only.
 */
import type { MemberDetails, ProjectMember, UserDesignation } from '@aws-sdk/client-datazone';
import { describe, expect, test } from 'vitest';
import { inlineMembersHeld } from '../../../src/apply/operations/project-members.js';
import { HOME, applyPlanned, domainManifest, fastEmulator } from './support.js';

const h = fastEmulator({ projectDeploy: 0, projectDelete: 0 });
const CALLER = `arn:aws:iam::${HOME}:user/emulator`;
const PROJECTS = 6;
const USERS = [`arn:aws:iam::${HOME}:role/alice`, `arn:aws:iam::${HOME}:role/bob`];
const GROUPS = ['analysts', 'stewards'];

const BASE = `${domainManifest()}---
apiVersion: smus-gitops/v1alpha1
kind: BlueprintConfiguration
metadata: { name: Tooling, domain: corp }
spec:
  enabledRegions: [us-east-1]
  provisioningRole: arn:aws:iam::${HOME}:role/AmazonSageMakerProvisioning
---
apiVersion: smus-gitops/v1alpha1
kind: AccountPool
metadata: { name: pool-a, domain: corp }
spec:
  accounts:
    - { id: "${HOME}", regions: [us-east-1] }
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Data Engineer, domain: corp }
spec:
  environments:
    - { name: Tooling, blueprint: Tooling, target: { accountPools: [pool-a] } }
`;

/** PROJECTS projects, each with every user and group of the few principals as a member. */
function projects(userDesignation: string, extraMember = ''): string {
  let out = BASE;
  for (let j = 0; j < PROJECTS; j++) {
    const members = [
      ...USERS.map((u) => `    - { user: "${u}", designation: ${userDesignation} }`),
      ...GROUPS.map((g) => `    - { group: ${g}, designation: PROJECT_CATALOG_VIEWER }`),
    ].join('\n');
    out += `---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: p${j}, domain: corp }
spec:
  profile: Data Engineer
  target: { account: "${HOME}", region: us-east-1 }
  members:
${members}
${extraMember}`;
  }
  return out;
}

/** Plans `yaml`, then applies that plan with the emulator's counters zeroed: the apply's calls only. */
async function applyCounted(yaml: string): Promise<Record<string, number>> {
  const planned = await h.plan(yaml);
  h.emu.emulator.control.resetStats();
  const outcomes = await applyPlanned(planned);
  expect(outcomes.filter((o) => o.status !== 'done')).toEqual([]);
  const ops = h.emu.emulator.control.stats().operations;
  return Object.fromEntries(Object.entries(ops).map(([k, v]) => [k, v.count]));
}

describe('call economy of project applies', () => {
  test('creating N projects: no ListProjects, one profile read, inline members confirmed without profile reads', async () => {
    await h.applyOk(BASE);
    const calls = await applyCounted(projects('PROJECT_CONTRIBUTOR'));
    expect(calls['datazone.CreateProject']).toBe(PROJECTS);
    expect(calls['datazone.ListProjects']).toBeUndefined();
    expect(calls['datazone.GetProjectProfile']).toBe(1);
    expect(calls['datazone.ListProjectMemberships']).toBe(PROJECTS);
    expect(calls['datazone.GetUserProfile']).toBeUndefined();
    expect(calls['datazone.GetGroupProfile']).toBeUndefined();
    expect(calls['datazone.CreateProjectMembership']).toBeUndefined();
    await h.converged(projects('PROJECT_CONTRIBUTOR'));
  });

  test("updating N projects' members reads each principal's profile once per run", async () => {
    await h.applyOk(projects('PROJECT_CONTRIBUTOR'));
    const changed = projects('PROJECT_OWNER');
    const calls = await applyCounted(changed);
    expect(calls['datazone.ListProjectMemberships']).toBe(PROJECTS);
    // The two users and the tool itself (its owner membership), and the two groups: once each.
    expect(calls['datazone.GetUserProfile']).toBe(USERS.length + 1);
    expect(calls['datazone.GetGroupProfile']).toBe(GROUPS.length);
    // A designation change is a delete and a create per user membership.
    expect(calls['datazone.DeleteProjectMembership']).toBe(PROJECTS * USERS.length);
    expect(calls['datazone.CreateProjectMembership']).toBe(PROJECTS * USERS.length);
    await h.converged(changed);
  });

  test('a project that declares the tool itself is reconciled by name after its create', async () => {
    await h.applyOk(BASE);
    const yaml = projects('PROJECT_CONTRIBUTOR', `    - { user: "${CALLER}", designation: PROJECT_OWNER }\n`);
    const calls = await applyCounted(yaml);
    expect(calls['datazone.ListProjects']).toBeUndefined();
    // The inline shortcut does not apply: every principal is resolved, still once per run.
    expect(calls['datazone.GetUserProfile']).toBe(USERS.length + 1);
    expect(calls['datazone.GetGroupProfile']).toBe(GROUPS.length);
    await h.converged(yaml);
  });
});

describe('inlineMembersHeld', () => {
  const listed = (details: MemberDetails, designation: UserDesignation): ProjectMember => ({
    memberDetails: details,
    designation,
  });
  const own = listed({ user: { userId: 'me' } }, 'PROJECT_OWNER');
  const user = listed({ user: { userId: 'u1' } }, 'PROJECT_CONTRIBUTOR');
  const group = listed({ group: { groupId: 'g1' } }, 'PROJECT_CATALOG_VIEWER');
  const declared = [
    { member: 'user:alice', designation: 'PROJECT_CONTRIBUTOR' },
    { member: 'group:analysts', designation: 'PROJECT_CATALOG_VIEWER' },
  ];

  test('holds when the listing is the creator plus one member of each declared kind and designation', () => {
    expect(inlineMembersHeld([group, own, user], declared, 'me')).toBe(true);
  });

  test('does not hold for a missing, extra, other-kind or other-designation member, or no creator', () => {
    expect(inlineMembersHeld([own, user], declared, 'me')).toBe(false);
    expect(
      inlineMembersHeld(
        [own, user, group, listed({ user: { userId: 'u1' } }, 'PROJECT_OWNER')],
        declared,
        'me',
      ),
    ).toBe(false);
    const asUser = listed({ user: { userId: 'u2' } }, 'PROJECT_CATALOG_VIEWER');
    expect(inlineMembersHeld([own, user, asUser], declared, 'me')).toBe(false);
    expect(
      inlineMembersHeld([own, listed({ user: { userId: 'u1' } }, 'PROJECT_OWNER'), group], declared, 'me'),
    ).toBe(false);
    expect(inlineMembersHeld([user, group], declared, 'me')).toBe(false);
    expect(
      inlineMembersHeld(
        [listed({ user: { userId: 'me' } }, 'PROJECT_CONTRIBUTOR'), user, group],
        declared,
        'me',
      ),
    ).toBe(false);
  });
});
