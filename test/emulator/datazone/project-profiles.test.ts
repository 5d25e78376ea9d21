/**
 * Project profiles through the real SDK client: CRUD with PATCH semantics, environment
 * configuration ids kept (by name) across updates, unknown blueprint/pool/unit references, name
 * conflicts, deletion blocked by a project, list filters and pagination.
 */
import {
  CreateProjectCommand,
  CreateProjectProfileCommand,
  DeleteProjectCommand,
  DeleteProjectProfileCommand,
  GetProjectProfileCommand,
  ListProjectProfilesCommand,
  UpdateProjectProfileCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { allPages, blueprintId, createDomain, dataZoneEmulator, expectError, HOME } from './sdk.js';

const emu = dataZoneEmulator();

async function setup() {
  const dz = emu.dataZone();
  const domain = await createDomain(dz);
  const tooling = await blueprintId(dz, domain.id, 'Tooling');
  return { dz, domain, tooling };
}

describe('project profiles', () => {
  it('creates and reads a profile with configuration ids and ISO timestamps', async () => {
    const { dz, domain, tooling } = await setup();
    const created = await dz.send(
      new CreateProjectProfileCommand({
        domainIdentifier: domain.id,
        name: 'analytics',
        description: 'd',
        projectResourceTags: [{ key: 'team', value: 'data', isValueEditable: false }],
        environmentConfigurations: [
          {
            name: 'Tooling',
            environmentBlueprintId: tooling,
            deploymentMode: 'ON_CREATE',
            awsAccount: { awsAccountId: HOME },
            awsRegion: { regionName: 'us-east-1' },
            configurationParameters: {
              parameterOverrides: [{ name: 'idleTimeoutInMinutes', value: '60', isEditable: true }],
            },
          },
        ],
      }),
    );
    expect(created).toMatchObject({
      name: 'analytics',
      status: 'ENABLED',
      domainUnitId: domain.rootDomainUnitId,
    });
    const config = created.environmentConfigurations?.[0];
    expect(config?.id).toMatch(/^[a-z0-9]{14}$/);
    expect(config?.configurationParameters?.resolvedParameters).toEqual([
      { name: 'idleTimeoutInMinutes', value: '60', isEditable: true },
    ]);
    const got = await dz.send(
      new GetProjectProfileCommand({ domainIdentifier: domain.id, identifier: created.id }),
    );
    expect(got.environmentConfigurations).toEqual(created.environmentConfigurations);
    expect(got.createdAt).toBeInstanceOf(Date);
  });

  it('PATCHes only the members sent and keeps configuration ids by name', async () => {
    const { dz, domain, tooling } = await setup();
    const created = await dz.send(
      new CreateProjectProfileCommand({
        domainIdentifier: domain.id,
        name: 'p',
        description: 'keep me',
        environmentConfigurations: [{ name: 'Tooling', environmentBlueprintId: tooling }],
      }),
    );
    const updated = await dz.send(
      new UpdateProjectProfileCommand({
        domainIdentifier: domain.id,
        identifier: created.id,
        status: 'DISABLED',
      }),
    );
    expect(updated).toMatchObject({ status: 'DISABLED', description: 'keep me', name: 'p' });
    expect(updated.environmentConfigurations?.[0]?.name).toBe('Tooling');
    expect(updated.environmentConfigurations?.[0]?.id).toBe(created.environmentConfigurations?.[0]?.id);
    const resent = await dz.send(
      new UpdateProjectProfileCommand({
        domainIdentifier: domain.id,
        identifier: created.id,
        environmentConfigurations: [
          { name: 'Tooling', environmentBlueprintId: tooling, description: 'changed' },
          { name: 'Extra', environmentBlueprintId: tooling },
        ],
      }),
    );
    const ids = Object.fromEntries((resent.environmentConfigurations ?? []).map((c) => [c.name, c.id]));
    expect(ids.Tooling).toBe(created.environmentConfigurations?.[0]?.id);
    expect(ids.Extra).toMatch(/^[a-z0-9]{14}$/);
    expect(ids.Extra).not.toBe(ids.Tooling);
  });

  it('answers ResourceNotFound for unknown blueprint, pool, unit and profile', async () => {
    const { dz, domain, tooling } = await setup();
    const create = (extra: object) =>
      dz.send(new CreateProjectProfileCommand({ domainIdentifier: domain.id, name: 'x', ...extra }));
    await expectError(
      create({ environmentConfigurations: [{ name: 'T', environmentBlueprintId: 'nobp' }] }),
      'ResourceNotFoundException',
    );
    await expectError(
      create({
        environmentConfigurations: [{ name: 'T', environmentBlueprintId: tooling, accountPools: ['nopool'] }],
      }),
      'ResourceNotFoundException',
    );
    await expectError(create({ domainUnitIdentifier: 'nounit' }), 'ResourceNotFoundException');
    await expectError(
      dz.send(new GetProjectProfileCommand({ domainIdentifier: domain.id, identifier: 'noprofile' })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(
        new UpdateProjectProfileCommand({ domainIdentifier: domain.id, identifier: 'noprofile', name: 'y' }),
      ),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new DeleteProjectProfileCommand({ domainIdentifier: domain.id, identifier: 'noprofile' })),
      'ResourceNotFoundException',
    );
    await expectError(
      create({
        environmentConfigurations: [
          { name: 'T', environmentBlueprintId: tooling },
          { name: 'T', environmentBlueprintId: tooling },
        ],
      }),
      'ValidationException',
    );
  });

  it('rejects duplicate names and deletion while a project uses the profile', async () => {
    const { dz, domain } = await setup();
    const a = await dz.send(new CreateProjectProfileCommand({ domainIdentifier: domain.id, name: 'a' }));
    await dz.send(new CreateProjectProfileCommand({ domainIdentifier: domain.id, name: 'b' }));
    await expectError(
      dz.send(new CreateProjectProfileCommand({ domainIdentifier: domain.id, name: 'a' })),
      'ConflictException',
    );
    await expectError(
      dz.send(new UpdateProjectProfileCommand({ domainIdentifier: domain.id, identifier: a.id, name: 'b' })),
      'ConflictException',
    );
    const project = await dz.send(
      new CreateProjectCommand({ domainIdentifier: domain.id, name: 'uses-a', projectProfileId: a.id }),
    );
    await expectError(
      dz.send(new DeleteProjectProfileCommand({ domainIdentifier: domain.id, identifier: a.id })),
      'ValidationException',
    );
    await dz.send(new DeleteProjectCommand({ domainIdentifier: domain.id, identifier: project.id }));
    await dz.send(new DeleteProjectProfileCommand({ domainIdentifier: domain.id, identifier: a.id }));
  });

  it('lists with name filter, sort and pagination (thin items)', async () => {
    const { dz, domain } = await setup();
    for (let i = 0; i < 6; i++)
      await dz.send(new CreateProjectProfileCommand({ domainIdentifier: domain.id, name: `profile-${i}` }));
    const { items, pages } = await allPages((nextToken) =>
      dz.send(
        new ListProjectProfilesCommand({
          domainIdentifier: domain.id,
          name: 'profile',
          sortBy: 'NAME',
          sortOrder: 'ASCENDING',
          nextToken,
        }),
      ),
    );
    expect(items.map((p) => p.name)).toEqual([
      'profile-0',
      'profile-1',
      'profile-2',
      'profile-3',
      'profile-4',
      'profile-5',
    ]);
    expect(pages).toBe(2);
    expect(items[0]).not.toHaveProperty('environmentConfigurations');
    expect(items[0]?.lastUpdatedAt).toBeInstanceOf(Date);
  });
});
