/**
 * Environment blueprints and blueprint configurations through the real SDK client: the managed
 * blueprints listed with per-domain ids and the `managed`/`name` filters; Put as create and full
 * overwrite with globalParameters never returned; configurations owned by the calling account
 * (invisible to another associated account); access refused to unassociated accounts; not-found
 * answers and pagination.
 */
import {
  DeleteEnvironmentBlueprintConfigurationCommand,
  GetEnvironmentBlueprintCommand,
  GetEnvironmentBlueprintConfigurationCommand,
  ListEnvironmentBlueprintConfigurationsCommand,
  ListEnvironmentBlueprintsCommand,
  PutEnvironmentBlueprintConfigurationCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import {
  allPages,
  associate,
  blueprintId,
  createDomain,
  dataZoneEmulator,
  expectError,
  HOME,
  OTHER,
} from './sdk.js';

const emu = dataZoneEmulator();

describe('environment blueprints', () => {
  it('lists the 23 managed blueprints over pages and gets one', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const { items, pages } = await allPages((nextToken) =>
      dz.send(
        new ListEnvironmentBlueprintsCommand({ domainIdentifier: domain.id, managed: true, nextToken }),
      ),
    );
    expect(items).toHaveLength(23);
    expect(pages).toBe(5);
    expect(items.map((b) => b.name)).toContain('EmrServerless');
    expect(items[0]).toMatchObject({
      provider: 'Amazon SageMaker',
      provisioningProperties: { cloudFormation: { templateUrl: expect.any(String) } },
    });
    const custom = await dz.send(
      new ListEnvironmentBlueprintsCommand({ domainIdentifier: domain.id, managed: false }),
    );
    expect(custom.items).toEqual([]);
    const id = await blueprintId(dz, domain.id, 'Tooling');
    const got = await dz.send(
      new GetEnvironmentBlueprintCommand({ domainIdentifier: domain.id, identifier: id }),
    );
    expect(got).toMatchObject({ id, name: 'Tooling' });
    expect(got.createdAt).toBeInstanceOf(Date);
    await expectError(
      dz.send(new GetEnvironmentBlueprintCommand({ domainIdentifier: domain.id, identifier: 'nobp' })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new ListEnvironmentBlueprintsCommand({ domainIdentifier: 'dzd_none' })),
      'ResourceNotFoundException',
    );
  });
});

describe('blueprint configurations', () => {
  it('puts (create, then full overwrite), gets, lists and deletes; globalParameters is never returned', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const tooling = await blueprintId(dz, domain.id, 'Tooling');
    const ids = { domainIdentifier: domain.id, environmentBlueprintIdentifier: tooling };
    const put = await dz.send(
      new PutEnvironmentBlueprintConfigurationCommand({
        ...ids,
        enabledRegions: ['us-east-1'],
        provisioningRoleArn: `arn:aws:iam::${HOME}:role/Provisioning`,
        manageAccessRoleArn: `arn:aws:iam::${HOME}:role/ManageAccess`,
        regionalParameters: { 'us-east-1': { VpcId: 'vpc-1' } },
        globalParameters: { secret: 'x' },
      }),
    );
    expect(put).toMatchObject({
      domainId: domain.id,
      environmentBlueprintId: tooling,
      enabledRegions: ['us-east-1'],
    });
    expect(put).not.toHaveProperty('globalParameters');
    expect(put.createdAt).toBeInstanceOf(Date);
    const replaced = await dz.send(
      new PutEnvironmentBlueprintConfigurationCommand({ ...ids, enabledRegions: [] }),
    );
    expect(replaced.enabledRegions).toEqual([]);
    expect(replaced).not.toHaveProperty('provisioningRoleArn');
    expect(replaced).not.toHaveProperty('regionalParameters');
    const got = await dz.send(new GetEnvironmentBlueprintConfigurationCommand(ids));
    expect(got).not.toHaveProperty('globalParameters');
    expect(
      (await dz.send(new ListEnvironmentBlueprintConfigurationsCommand({ domainIdentifier: domain.id })))
        .items,
    ).toHaveLength(1);
    await dz.send(new DeleteEnvironmentBlueprintConfigurationCommand(ids));
    await expectError(
      dz.send(new GetEnvironmentBlueprintConfigurationCommand(ids)),
      'ResourceNotFoundException',
    );
    // No ResourceNotFound is modelled for Delete: deleting again succeeds.
    await dz.send(new DeleteEnvironmentBlueprintConfigurationCommand(ids));
    await expectError(
      dz.send(
        new PutEnvironmentBlueprintConfigurationCommand({
          ...ids,
          environmentBlueprintIdentifier: 'nobp',
          enabledRegions: [],
        }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('keeps configurations per calling account and refuses unassociated accounts', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const tooling = await blueprintId(dz, domain.id, 'Tooling');
    const ids = { domainIdentifier: domain.id, environmentBlueprintIdentifier: tooling };
    const other = (await emu.asAccount(OTHER)).dataZone();
    await expectError(
      other.send(new PutEnvironmentBlueprintConfigurationCommand({ ...ids, enabledRegions: ['us-east-1'] })),
      'AccessDeniedException',
    );
    await associate(emu, domain.arn ?? '', OTHER);
    await dz.send(new PutEnvironmentBlueprintConfigurationCommand({ ...ids, enabledRegions: ['us-east-1'] }));
    await expectError(
      other.send(new GetEnvironmentBlueprintConfigurationCommand(ids)),
      'ResourceNotFoundException',
    );
    await other.send(
      new PutEnvironmentBlueprintConfigurationCommand({ ...ids, enabledRegions: ['eu-west-1'] }),
    );
    expect((await other.send(new GetEnvironmentBlueprintConfigurationCommand(ids))).enabledRegions).toEqual([
      'eu-west-1',
    ]);
    expect((await dz.send(new GetEnvironmentBlueprintConfigurationCommand(ids))).enabledRegions).toEqual([
      'us-east-1',
    ]);
    await other.send(new DeleteEnvironmentBlueprintConfigurationCommand(ids));
    expect((await dz.send(new GetEnvironmentBlueprintConfigurationCommand(ids))).enabledRegions).toEqual([
      'us-east-1',
    ]);
  });

  it('pages the configurations of the caller', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const blueprints = await dz.send(
      new ListEnvironmentBlueprintsCommand({ domainIdentifier: domain.id, maxResults: 7 }),
    );
    for (const b of blueprints.items ?? []) {
      await dz.send(
        new PutEnvironmentBlueprintConfigurationCommand({
          domainIdentifier: domain.id,
          environmentBlueprintIdentifier: b.id,
          enabledRegions: ['us-east-1'],
        }),
      );
    }
    const { items, pages } = await allPages((nextToken) =>
      dz.send(new ListEnvironmentBlueprintConfigurationsCommand({ domainIdentifier: domain.id, nextToken })),
    );
    expect(items).toHaveLength(7);
    expect(pages).toBe(2);
    await expectError(
      dz.send(new ListEnvironmentBlueprintConfigurationsCommand({ domainIdentifier: 'dzd_none' })),
      'ResourceNotFoundException',
    );
  });
});
