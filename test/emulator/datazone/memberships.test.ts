/**
 * Project memberships through the real SDK client: add users (IAM ARN, profile id) and groups
 * (IdC group name), idempotent re-add, designation change = delete + create (a different
 * designation on re-add is refused), delete of a non-member, the members quota, and the
 * `members` list key with pagination.
 */
import {
  CreateProjectCommand,
  CreateProjectMembershipCommand,
  DeleteProjectMembershipCommand,
  GetUserProfileCommand,
  ListProjectMembershipsCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { allPages, bareProfile, createDomain, dataZoneEmulator, expectError, HOME } from './sdk.js';

const emu = dataZoneEmulator();

async function setup() {
  const dz = emu.dataZone();
  const domain = await createDomain(dz);
  const project = await dz.send(
    new CreateProjectCommand({
      projectProfileId: await bareProfile(dz, domain.id),
      domainIdentifier: domain.id,
      name: 'p',
    }),
  );
  const ids = { domainIdentifier: domain.id, projectIdentifier: project.id };
  return { dz, domain, project, ids };
}

const sarah = `arn:aws:iam::${HOME}:role/SarahAdmin`;

describe('project memberships', () => {
  it('adds an IAM user and an IdC group, listing them by profile id under `members`', async () => {
    const { dz, domain, ids } = await setup();
    await dz.send(
      new CreateProjectMembershipCommand({
        ...ids,
        member: { userIdentifier: sarah },
        designation: 'PROJECT_OWNER',
      }),
    );
    await dz.send(
      new CreateProjectMembershipCommand({
        ...ids,
        member: { groupIdentifier: 'hr-analysts' },
        designation: 'PROJECT_CONTRIBUTOR',
      }),
    );
    const profile = await dz.send(
      new GetUserProfileCommand({ domainIdentifier: domain.id, userIdentifier: sarah }),
    );
    const list = await dz.send(new ListProjectMembershipsCommand({ ...ids, maxResults: 50 }));
    expect(list.members).toHaveLength(3);
    expect(list.members).toContainEqual({
      memberDetails: { user: { userId: profile.id } },
      designation: 'PROJECT_OWNER',
    });
    expect(
      list.members?.some((m) => m.memberDetails?.group?.groupId && m.designation === 'PROJECT_CONTRIBUTOR'),
    ).toBe(true);
  });

  it('re-adding with the same designation is a no-op; another designation needs delete + create', async () => {
    const { dz, ids } = await setup();
    const add = (designation: 'PROJECT_OWNER' | 'PROJECT_CONTRIBUTOR') =>
      dz.send(new CreateProjectMembershipCommand({ ...ids, member: { userIdentifier: sarah }, designation }));
    await add('PROJECT_CONTRIBUTOR');
    await add('PROJECT_CONTRIBUTOR');
    await expectError(add('PROJECT_OWNER'), 'ValidationException');
    await dz.send(new DeleteProjectMembershipCommand({ ...ids, member: { userIdentifier: sarah } }));
    await add('PROJECT_OWNER');
    const list = await dz.send(new ListProjectMembershipsCommand({ ...ids, maxResults: 50 }));
    expect(list.members?.filter((m) => m.designation === 'PROJECT_OWNER')).toHaveLength(2);
  });

  it('answers ResourceNotFound for a non-member, an unknown user, and an unknown project', async () => {
    const { dz, domain, ids } = await setup();
    await expectError(
      dz.send(new DeleteProjectMembershipCommand({ ...ids, member: { userIdentifier: sarah } })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(
        new CreateProjectMembershipCommand({
          ...ids,
          member: { userIdentifier: 'unknown.user' },
          designation: 'PROJECT_OWNER',
        }),
      ),
      'ResourceNotFoundException',
    );
    const missing = { domainIdentifier: domain.id, projectIdentifier: 'noproject' };
    await expectError(
      dz.send(
        new CreateProjectMembershipCommand({
          ...missing,
          member: { userIdentifier: sarah },
          designation: 'PROJECT_OWNER',
        }),
      ),
      'ResourceNotFoundException',
    );
    await expectError(dz.send(new ListProjectMembershipsCommand(missing)), 'ResourceNotFoundException');
  });

  it('enforces the group-members quota', async () => {
    const { dz, ids } = await setup();
    await emu.emulator.control.serviceControl('datazone', 'quotas', { groupMembersPerProject: 2 });
    try {
      const add = (group: string) =>
        dz.send(
          new CreateProjectMembershipCommand({
            ...ids,
            member: { groupIdentifier: group },
            designation: 'PROJECT_CONTRIBUTOR',
          }),
        );
      await add('g1');
      await add('g2');
      await expectError(add('g3'), 'ServiceQuotaExceededException');
    } finally {
      await emu.emulator.control.serviceControl('datazone', 'quotas', { groupMembersPerProject: 20 });
    }
  });

  it('pages the members list and sorts it', async () => {
    const { dz, ids } = await setup();
    for (let i = 0; i < 6; i++) {
      await dz.send(
        new CreateProjectMembershipCommand({
          ...ids,
          member: { groupIdentifier: `group-${i}` },
          designation: 'PROJECT_CATALOG_VIEWER',
        }),
      );
    }
    const { items, pages } = await allPages(async (nextToken) => {
      const out = await dz.send(
        new ListProjectMembershipsCommand({ ...ids, nextToken, sortBy: 'NAME', sortOrder: 'ASCENDING' }),
      );
      return { items: out.members, nextToken: out.nextToken };
    });
    expect(items).toHaveLength(7);
    expect(pages).toBe(2);
  });
});
