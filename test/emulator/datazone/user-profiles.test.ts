/**
 * User and group profiles through the real SDK client: an IAM ARN gets an IAM profile on first
 * reference and resolves to the same profile afterwards (an assumed-role caller is recorded
 * through its role); IdC users
 * exist once registered with the sso-users hook; any IdC group name gets a group profile until
 * groups are registered with the sso-groups hook, then only those; the searches filter by type and
 * text and page.
 */
import {
  CreateProjectCommand,
  GetGroupProfileCommand,
  GetUserProfileCommand,
  SearchGroupProfilesCommand,
  SearchUserProfilesCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { associate, bareProfile, createDomain, dataZoneEmulator, expectError, HOME, OTHER } from './sdk.js';

const emu = dataZoneEmulator();

describe('user profiles', () => {
  it('creates an IAM profile on first reference and finds it by id and by ARN', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const arn = `arn:aws:iam::${HOME}:role/DataScientist`;
    const first = await dz.send(
      new GetUserProfileCommand({ domainIdentifier: domain.id, userIdentifier: arn }),
    );
    expect(first).toMatchObject({
      domainId: domain.id,
      type: 'IAM',
      status: 'ACTIVATED',
      details: { iam: { arn } },
    });
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const byId = await dz.send(
      new GetUserProfileCommand({ domainIdentifier: domain.id, userIdentifier: first.id }),
    );
    expect(byId.id).toBe(first.id);
    // An STS session ARN is refused by the model's pattern; DataZone maps a session to its role.
    await expectError(
      dz.send(
        new GetUserProfileCommand({
          domainIdentifier: domain.id,
          userIdentifier: `arn:aws:sts::${HOME}:assumed-role/DataScientist/alice`,
        }),
      ),
      'ValidationException',
    );
    await expectError(
      dz.send(new GetUserProfileCommand({ domainIdentifier: domain.id, userIdentifier: arn, type: 'SSO' })),
      'ResourceNotFoundException',
    );
  });

  it('knows IdC users only once registered', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await expectError(
      dz.send(new GetUserProfileCommand({ domainIdentifier: domain.id, userIdentifier: 'jdoe' })),
      'ResourceNotFoundException',
    );
    await emu.emulator.control.serviceControl('datazone', 'sso-users', { userNames: ['jdoe', 'asmith'] });
    const jdoe = await dz.send(
      new GetUserProfileCommand({ domainIdentifier: domain.id, userIdentifier: 'jdoe' }),
    );
    expect(jdoe).toMatchObject({ type: 'SSO', details: { sso: { username: 'jdoe' } } });
    const sso = await dz.send(
      new SearchUserProfilesCommand({ domainIdentifier: domain.id, userType: 'SSO_USER', searchText: 'smi' }),
    );
    expect(sso.items?.map((u) => u.details?.sso?.username)).toEqual(['asmith']);
    const iam = await dz.send(
      new SearchUserProfilesCommand({
        domainIdentifier: domain.id,
        userType: 'DATAZONE_IAM_USER',
        maxResults: 50,
      }),
    );
    // The domain creator's profile exists from CreateDomain.
    expect(iam.items?.length).toBeGreaterThanOrEqual(1);
    expect(iam.items?.every((u) => u.type === 'IAM')).toBe(true);
  });

  it('answers ResourceNotFound for an unknown domain', async () => {
    await expectError(
      emu.dataZone().send(
        new GetUserProfileCommand({
          domainIdentifier: 'dzd_none',
          userIdentifier: `arn:aws:iam::${HOME}:role/x`,
        }),
      ),
      'ResourceNotFoundException',
    );
    await expectError(
      emu
        .dataZone()
        .send(new SearchUserProfilesCommand({ domainIdentifier: 'dzd_none', userType: 'DATAZONE_USER' })),
      'ResourceNotFoundException',
    );
  });
});

describe('the caller as project creator', () => {
  it('records an assumed-role caller through the IAM profile of its role', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await associate(emu, domain.arn ?? '', OTHER);
    const other = (await emu.asAccount(OTHER)).dataZone();
    const project = await other.send(
      new CreateProjectCommand({
        projectProfileId: await bareProfile(dz, domain.id),
        domainIdentifier: domain.id,
        name: 'by-other',
      }),
    );
    const role = `arn:aws:iam::${OTHER}:role/SmusGitOpsDeployer`;
    const profile = await dz.send(
      new GetUserProfileCommand({ domainIdentifier: domain.id, userIdentifier: role }),
    );
    expect(profile.id).toBe(project.createdBy);
    expect(profile.details?.iam?.arn).toBe(role);
  });
});

describe('group profiles', () => {
  it('gives any IdC group name a profile on first reference', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const group = await dz.send(
      new GetGroupProfileCommand({ domainIdentifier: domain.id, groupIdentifier: 'hr-analysts' }),
    );
    expect(group).toMatchObject({ domainId: domain.id, groupName: 'hr-analysts', status: 'ASSIGNED' });
    expect(
      (await dz.send(new GetGroupProfileCommand({ domainIdentifier: domain.id, groupIdentifier: group.id })))
        .groupName,
    ).toBe('hr-analysts');
    await expectError(
      dz.send(
        new GetGroupProfileCommand({
          domainIdentifier: domain.id,
          groupIdentifier: '00000000-0000-4000-a000-000000000000',
        }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('searches groups by text; an SSO_GROUP search for a name creates its profile', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const found = await dz.send(
      new SearchGroupProfilesCommand({
        domainIdentifier: domain.id,
        groupType: 'SSO_GROUP',
        searchText: 'finance',
      }),
    );
    expect(found.items?.map((g) => g.groupName)).toEqual(['finance']);
    const known = await dz.send(
      new SearchGroupProfilesCommand({ domainIdentifier: domain.id, groupType: 'DATAZONE_SSO_GROUP' }),
    );
    expect(known.items?.map((g) => g.groupName)).toEqual(['finance']);
    await expectError(
      dz.send(new SearchGroupProfilesCommand({ domainIdentifier: 'dzd_none', groupType: 'SSO_GROUP' })),
      'ResourceNotFoundException',
    );
  });

  // Last in the file: the directory it registers is the emulator's, shared by the file's tests.
  it('knows only the registered IdC groups once the sso-groups hook names them', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await emu.emulator.control.serviceControl('datazone', 'sso-groups', { groupNames: ['hr-analysts'] });
    const group = await dz.send(
      new GetGroupProfileCommand({ domainIdentifier: domain.id, groupIdentifier: 'hr-analysts' }),
    );
    expect(group.groupName).toBe('hr-analysts');
    await expectError(
      dz.send(new GetGroupProfileCommand({ domainIdentifier: domain.id, groupIdentifier: 'hr-analysys' })),
      'ResourceNotFoundException',
    );
    const search = await dz.send(
      new SearchGroupProfilesCommand({
        domainIdentifier: domain.id,
        groupType: 'SSO_GROUP',
        searchText: 'payroll',
      }),
    );
    expect(search.items).toEqual([]);
  });
});
