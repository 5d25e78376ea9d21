/**
 * Policy grants and domain unit owners through the real SDK client: add, list, remove by
 * principal, detail/policy-type agreement, unresolved references, and owners kept non-empty.
 */
import {
  AddEntityOwnerCommand,
  AddPolicyGrantCommand,
  CreateDomainUnitCommand,
  ListEntityOwnersCommand,
  ListPolicyGrantsCommand,
  RemoveEntityOwnerCommand,
  RemovePolicyGrantCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { bareProfile, createDomain, dataZoneEmulator, expectError } from './sdk.js';

const emu = dataZoneEmulator();

describe('policy grants', () => {
  it('adds, lists and removes a grant; an identical add makes a second grant', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const root = domain.rootDomainUnitId ?? '';
    const profile = await bareProfile(dz, domain.id ?? '');
    const grant = {
      domainIdentifier: domain.id,
      entityType: 'DOMAIN_UNIT' as const,
      entityIdentifier: root,
      policyType: 'CREATE_PROJECT_FROM_PROJECT_PROFILE' as const,
      principal: { group: { groupIdentifier: 'hr-analysts' } },
      detail: {
        createProjectFromProjectProfile: { projectProfiles: [profile], includeChildDomainUnits: true },
      },
    };
    const first = await dz.send(new AddPolicyGrantCommand(grant));
    expect(first.grantId).toMatch(/^[A-Za-z0-9+/]{10}$/);
    await dz.send(new AddPolicyGrantCommand(grant));
    const list = () =>
      dz.send(
        new ListPolicyGrantsCommand({
          domainIdentifier: domain.id,
          entityType: 'DOMAIN_UNIT',
          entityIdentifier: root,
          policyType: 'CREATE_PROJECT_FROM_PROJECT_PROFILE',
        }),
      );
    const listed = await list();
    expect(listed.grantList).toHaveLength(2);
    expect(listed.grantList?.[0]?.detail).toEqual(grant.detail);
    expect(listed.grantList?.[0]?.principal?.group?.groupIdentifier).toMatch(/^[0-9a-f-]{36}$/);
    await dz.send(
      new RemovePolicyGrantCommand({
        domainIdentifier: domain.id,
        entityType: 'DOMAIN_UNIT',
        entityIdentifier: root,
        policyType: 'CREATE_PROJECT_FROM_PROJECT_PROFILE',
        principal: { group: { groupIdentifier: 'hr-analysts' } },
        grantIdentifier: first.grantId,
      }),
    );
    expect((await list()).grantList).toHaveLength(1);
  });

  it('rejects a detail of another policy type and an unknown profile', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const root = domain.rootDomainUnitId ?? '';
    const base = {
      domainIdentifier: domain.id,
      entityType: 'DOMAIN_UNIT' as const,
      entityIdentifier: root,
      principal: { group: { groupIdentifier: 'hr' } },
    };
    await expectError(
      dz.send(
        new AddPolicyGrantCommand({
          ...base,
          policyType: 'CREATE_PROJECT',
          detail: { createDomainUnit: {} },
        }),
      ),
      'ValidationException',
    );
    await expectError(
      dz.send(
        new AddPolicyGrantCommand({
          ...base,
          policyType: 'CREATE_PROJECT_FROM_PROJECT_PROFILE',
          detail: { createProjectFromProjectProfile: { projectProfiles: ['nosuchprofile1'] } },
        }),
      ),
      'ValidationException',
    );
  });
});

describe('entity owners', () => {
  it('starts with the creator, adds a group, and never drops the last owner', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const unit = await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domain.id,
        name: 'HR',
        parentDomainUnitIdentifier: domain.rootDomainUnitId,
      }),
    );
    const target = {
      domainIdentifier: domain.id,
      entityType: 'DOMAIN_UNIT' as const,
      entityIdentifier: unit.id,
    };
    const owners = async () => (await dz.send(new ListEntityOwnersCommand(target))).owners ?? [];
    const [creator] = await owners();
    expect(creator?.user?.userId).toMatch(/^[0-9a-f-]{36}$/);
    await dz.send(
      new AddEntityOwnerCommand({ ...target, owner: { group: { groupIdentifier: 'hr-admins' } } }),
    );
    await dz.send(
      new AddEntityOwnerCommand({ ...target, owner: { group: { groupIdentifier: 'hr-admins' } } }),
    );
    expect(await owners()).toHaveLength(2);
    await dz.send(
      new RemoveEntityOwnerCommand({
        ...target,
        owner: { user: { userIdentifier: creator?.user?.userId ?? '' } },
      }),
    );
    expect((await owners())[0]?.group?.groupId).toMatch(/^[0-9a-f-]{36}$/);
    await expectError(
      dz.send(
        new RemoveEntityOwnerCommand({ ...target, owner: { group: { groupIdentifier: 'hr-admins' } } }),
      ),
      'ConflictException',
    );
  });
});
