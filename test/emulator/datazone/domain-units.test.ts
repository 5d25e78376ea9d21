/**
 * Domain units through the real SDK client: create/get/update/delete/list-for-parent, sibling
 * name conflicts, the depth quota (lowered through the quotas hook), deletion blocked by children
 * and projects, admin-only access, not-found answers and pagination.
 */
import {
  CreateDomainUnitCommand,
  CreateProjectCommand,
  DeleteDomainUnitCommand,
  DeleteProjectCommand,
  GetDomainUnitCommand,
  ListDomainUnitsForParentCommand,
  UpdateDomainUnitCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import {
  allPages,
  associate,
  bareProfile,
  createDomain,
  dataZoneEmulator,
  expectError,
  OTHER,
} from './sdk.js';

const emu = dataZoneEmulator();

describe('domain units', () => {
  it('creates, reads, renames, lists and deletes a unit', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const root = domain.rootDomainUnitId ?? '';
    const unit = await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domain.id,
        name: 'HR',
        parentDomainUnitIdentifier: root,
        description: 'd',
      }),
    );
    expect(unit).toMatchObject({
      domainId: domain.id,
      name: 'HR',
      parentDomainUnitId: root,
      ancestorDomainUnitIds: [root],
    });
    expect(unit.createdAt).toBeInstanceOf(Date);
    expect(unit.owners?.length).toBe(1);
    const got = await dz.send(new GetDomainUnitCommand({ domainIdentifier: domain.id, identifier: unit.id }));
    expect(got).toMatchObject({ id: unit.id, name: 'HR', description: 'd' });
    const updated = await dz.send(
      new UpdateDomainUnitCommand({ domainIdentifier: domain.id, identifier: unit.id, name: 'People' }),
    );
    expect(updated.name).toBe('People');
    expect(updated.lastUpdatedAt).toBeInstanceOf(Date);
    const listed = await dz.send(
      new ListDomainUnitsForParentCommand({ domainIdentifier: domain.id, parentDomainUnitIdentifier: root }),
    );
    expect(listed.items).toEqual([{ id: unit.id, name: 'People' }]);
    await dz.send(new DeleteDomainUnitCommand({ domainIdentifier: domain.id, identifier: unit.id }));
    await expectError(
      dz.send(new GetDomainUnitCommand({ domainIdentifier: domain.id, identifier: unit.id ?? '' })),
      'ResourceNotFoundException',
    );
  });

  it('rejects duplicate sibling names but allows the same name under another parent', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const root = domain.rootDomainUnitId ?? '';
    const a = await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domain.id,
        name: 'A',
        parentDomainUnitIdentifier: root,
      }),
    );
    const b = await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domain.id,
        name: 'B',
        parentDomainUnitIdentifier: root,
      }),
    );
    await expectError(
      dz.send(
        new CreateDomainUnitCommand({
          domainIdentifier: domain.id,
          name: 'A',
          parentDomainUnitIdentifier: root,
        }),
      ),
      'ConflictException',
    );
    await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domain.id,
        name: 'A',
        parentDomainUnitIdentifier: a.id,
      }),
    );
    await expectError(
      dz.send(new UpdateDomainUnitCommand({ domainIdentifier: domain.id, identifier: b.id, name: 'A' })),
      'ConflictException',
    );
  });

  it('blocks deleting a unit with children or projects, and the root unit', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const root = domain.rootDomainUnitId ?? '';
    const parent = await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domain.id,
        name: 'P',
        parentDomainUnitIdentifier: root,
      }),
    );
    const child = await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domain.id,
        name: 'C',
        parentDomainUnitIdentifier: parent.id,
      }),
    );
    await expectError(
      dz.send(new DeleteDomainUnitCommand({ domainIdentifier: domain.id, identifier: parent.id })),
      'ConflictException',
    );
    const project = await dz.send(
      new CreateProjectCommand({
        projectProfileId: await bareProfile(dz, domain.id),
        domainIdentifier: domain.id,
        name: 'p',
        domainUnitId: child.id,
      }),
    );
    await expectError(
      dz.send(new DeleteDomainUnitCommand({ domainIdentifier: domain.id, identifier: child.id })),
      'ConflictException',
    );
    await dz.send(new DeleteProjectCommand({ domainIdentifier: domain.id, identifier: project.id }));
    await dz.send(new DeleteDomainUnitCommand({ domainIdentifier: domain.id, identifier: child.id }));
    await dz.send(new DeleteDomainUnitCommand({ domainIdentifier: domain.id, identifier: parent.id }));
    await expectError(
      dz.send(new DeleteDomainUnitCommand({ domainIdentifier: domain.id, identifier: root })),
      'ConflictException',
    );
  });

  it('enforces the depth and count quotas (ServiceQuotaExceededException)', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await emu.emulator.control.serviceControl('datazone', 'quotas', {
      domainUnitDepth: 2,
      domainUnitsPerDomain: 3,
    });
    try {
      const l1 = await dz.send(
        new CreateDomainUnitCommand({
          domainIdentifier: domain.id,
          name: 'l1',
          parentDomainUnitIdentifier: domain.rootDomainUnitId,
        }),
      );
      const l2 = await dz.send(
        new CreateDomainUnitCommand({
          domainIdentifier: domain.id,
          name: 'l2',
          parentDomainUnitIdentifier: l1.id,
        }),
      );
      await expectError(
        dz.send(
          new CreateDomainUnitCommand({
            domainIdentifier: domain.id,
            name: 'l3',
            parentDomainUnitIdentifier: l2.id,
          }),
        ),
        'ServiceQuotaExceededException',
      );
      await dz.send(
        new CreateDomainUnitCommand({
          domainIdentifier: domain.id,
          name: 'x',
          parentDomainUnitIdentifier: domain.rootDomainUnitId,
        }),
      );
      await expectError(
        dz.send(
          new CreateDomainUnitCommand({
            domainIdentifier: domain.id,
            name: 'y',
            parentDomainUnitIdentifier: domain.rootDomainUnitId,
          }),
        ),
        'ServiceQuotaExceededException',
      );
    } finally {
      await emu.emulator.control.serviceControl('datazone', 'quotas', {
        domainUnitDepth: 5,
        domainUnitsPerDomain: 500,
      });
    }
  });

  it('answers not-found per the model: 404 where modelled, ValidationException / AccessDenied where not', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await expectError(
      dz.send(new GetDomainUnitCommand({ domainIdentifier: domain.id, identifier: 'nounit' })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new UpdateDomainUnitCommand({ domainIdentifier: domain.id, identifier: 'nounit', name: 'x' })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new DeleteDomainUnitCommand({ domainIdentifier: domain.id, identifier: 'nounit' })),
      'ResourceNotFoundException',
    );
    // CreateDomainUnit and ListDomainUnitsForParent model no ResourceNotFoundException.
    await expectError(
      dz.send(
        new CreateDomainUnitCommand({
          domainIdentifier: domain.id,
          name: 'x',
          parentDomainUnitIdentifier: 'nounit',
        }),
      ),
      'ValidationException',
    );
    await expectError(
      dz.send(
        new ListDomainUnitsForParentCommand({
          domainIdentifier: domain.id,
          parentDomainUnitIdentifier: 'nounit',
        }),
      ),
      'ValidationException',
    );
    await expectError(
      dz.send(
        new CreateDomainUnitCommand({
          domainIdentifier: 'dzd_none',
          name: 'x',
          parentDomainUnitIdentifier: 'r',
        }),
      ),
      'AccessDeniedException',
    );
  });

  it('lets an associated account read units but not create them', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await associate(emu, domain.arn ?? '', OTHER);
    const other = (await emu.asAccount(OTHER)).dataZone();
    const root = domain.rootDomainUnitId ?? '';
    expect(
      (await other.send(new GetDomainUnitCommand({ domainIdentifier: domain.id, identifier: root }))).id,
    ).toBe(root);
    await expectError(
      other.send(
        new CreateDomainUnitCommand({
          domainIdentifier: domain.id,
          name: 'x',
          parentDomainUnitIdentifier: root,
        }),
      ),
      'AccessDeniedException',
    );
    const stranger = (await emu.asAccount('777788889999')).dataZone();
    await expectError(
      stranger.send(new GetDomainUnitCommand({ domainIdentifier: domain.id, identifier: root })),
      'AccessDeniedException',
    );
  });

  it('pages ListDomainUnitsForParent', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const root = domain.rootDomainUnitId ?? '';
    for (let i = 0; i < 7; i++)
      await dz.send(
        new CreateDomainUnitCommand({
          domainIdentifier: domain.id,
          name: `u${i}`,
          parentDomainUnitIdentifier: root,
        }),
      );
    const { items, pages } = await allPages((nextToken) =>
      dz.send(
        new ListDomainUnitsForParentCommand({
          domainIdentifier: domain.id,
          parentDomainUnitIdentifier: root,
          nextToken,
        }),
      ),
    );
    expect(items.map((u) => u.name).sort()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    expect(pages).toBe(2);
  });
});
