/**
 * Account pools through the real SDK client: CRUD with ISO timestamps, name conflicts, the
 * per-domain quota (lowered through the quotas hook), the custom-Lambda answer registered
 * through the lambda-accounts hook, the name/sort filters, pagination, and deletion blocked by a
 * profile that references the pool.
 */
import {
  type AccountSource,
  CreateAccountPoolCommand,
  CreateProjectProfileCommand,
  DeleteAccountPoolCommand,
  DeleteProjectProfileCommand,
  GetAccountPoolCommand,
  ListAccountPoolsCommand,
  ListAccountsInAccountPoolCommand,
  UpdateAccountPoolCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { allPages, blueprintId, createDomain, dataZoneEmulator, expectError, OTHER } from './sdk.js';

const emu = dataZoneEmulator();
const STATIC = {
  accounts: [{ awsAccountId: OTHER, supportedRegions: ['us-east-1', 'eu-west-1'], awsAccountName: 'dev' }],
};
const LAMBDA = 'arn:aws:lambda:us-east-1:111122223333:function:pool-handler';

describe('account pools', () => {
  it('creates, reads, updates, deletes a static pool', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const pool = await dz.send(
      new CreateAccountPoolCommand({
        domainIdentifier: domain.id,
        name: 'dev',
        resolutionStrategy: 'MANUAL',
        accountSource: STATIC,
      }),
    );
    expect(pool).toMatchObject({
      domainId: domain.id,
      name: 'dev',
      accountSource: STATIC,
      domainUnitId: domain.rootDomainUnitId,
    });
    expect(pool.createdAt).toBeInstanceOf(Date);
    const got = await dz.send(
      new GetAccountPoolCommand({ domainIdentifier: domain.id, identifier: pool.id }),
    );
    expect(got.accountSource).toEqual(STATIC);
    const updated = await dz.send(
      new UpdateAccountPoolCommand({
        domainIdentifier: domain.id,
        identifier: pool.id,
        description: 'changed',
        accountSource: { customAccountPoolHandler: { lambdaFunctionArn: LAMBDA } },
      }),
    );
    expect(updated).toMatchObject({
      description: 'changed',
      accountSource: { customAccountPoolHandler: { lambdaFunctionArn: LAMBDA } },
    });
    expect(updated.updatedBy).toBeDefined();
    await dz.send(new DeleteAccountPoolCommand({ domainIdentifier: domain.id, identifier: pool.id }));
    await expectError(
      dz.send(new GetAccountPoolCommand({ domainIdentifier: domain.id, identifier: pool.id })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new DeleteAccountPoolCommand({ domainIdentifier: domain.id, identifier: pool.id })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new UpdateAccountPoolCommand({ domainIdentifier: domain.id, identifier: pool.id, name: 'x' })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new ListAccountsInAccountPoolCommand({ domainIdentifier: domain.id, identifier: pool.id })),
      'ResourceNotFoundException',
    );
  });

  it('lists accounts: static list, registered Lambda answer, unregistered Lambda empty', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const create = (name: string, accountSource: AccountSource) =>
      dz.send(
        new CreateAccountPoolCommand({
          domainIdentifier: domain.id,
          name,
          resolutionStrategy: 'MANUAL',
          accountSource,
        }),
      );
    const fixed = await create('static', STATIC);
    const lambda = await create('lambda', { customAccountPoolHandler: { lambdaFunctionArn: LAMBDA } });
    const silent = await create('silent', {
      customAccountPoolHandler: { lambdaFunctionArn: `${LAMBDA}-other` },
    });
    const answer = [{ awsAccountId: '123456789012', supportedRegions: ['us-east-1'] }];
    await emu.emulator.control.serviceControl('datazone', 'lambda-accounts', {
      lambdaFunctionArn: LAMBDA,
      accounts: answer,
    });
    const list = (id?: string) =>
      dz.send(new ListAccountsInAccountPoolCommand({ domainIdentifier: domain.id, identifier: id }));
    expect((await list(fixed.id)).items).toEqual(STATIC.accounts);
    expect((await list(lambda.id)).items).toEqual(answer);
    expect((await list(silent.id)).items ?? []).toEqual([]);
  });

  it('rejects duplicate names and both/neither account sources', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const create = (name: string, accountSource: AccountSource) =>
      dz.send(
        new CreateAccountPoolCommand({
          domainIdentifier: domain.id,
          name,
          resolutionStrategy: 'MANUAL',
          accountSource,
        }),
      );
    const a = await create('a', STATIC);
    await create('b', STATIC);
    await expectError(create('a', STATIC), 'ConflictException');
    await expectError(
      dz.send(new UpdateAccountPoolCommand({ domainIdentifier: domain.id, identifier: a.id, name: 'b' })),
      'ConflictException',
    );
    await expectError(create('c', {} as AccountSource), 'ValidationException');
  });

  it('enforces the pools-per-domain quota', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await emu.emulator.control.serviceControl('datazone', 'quotas', { accountPoolsPerDomain: 2 });
    try {
      const create = (name: string) =>
        dz.send(
          new CreateAccountPoolCommand({
            domainIdentifier: domain.id,
            name,
            resolutionStrategy: 'MANUAL',
            accountSource: STATIC,
          }),
        );
      await create('one');
      await create('two');
      await expectError(create('three'), 'ServiceQuotaExceededException');
    } finally {
      await emu.emulator.control.serviceControl('datazone', 'quotas', { accountPoolsPerDomain: 100 });
    }
  });

  it('refuses to delete a pool referenced by a project profile', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const pool = await dz.send(
      new CreateAccountPoolCommand({
        domainIdentifier: domain.id,
        name: 'p',
        resolutionStrategy: 'MANUAL',
        accountSource: STATIC,
      }),
    );
    const tooling = await blueprintId(dz, domain.id, 'Tooling');
    const profile = await dz.send(
      new CreateProjectProfileCommand({
        domainIdentifier: domain.id,
        name: 'uses-pool',
        environmentConfigurations: [
          { name: 'Tooling', environmentBlueprintId: tooling, accountPools: [pool.id ?? ''] },
        ],
      }),
    );
    await expectError(
      dz.send(new DeleteAccountPoolCommand({ domainIdentifier: domain.id, identifier: pool.id })),
      'ValidationException',
    );
    await dz.send(new DeleteProjectProfileCommand({ domainIdentifier: domain.id, identifier: profile.id }));
    await dz.send(new DeleteAccountPoolCommand({ domainIdentifier: domain.id, identifier: pool.id }));
  });

  it('filters by name, sorts by name and pages', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    for (const name of ['team-c', 'team-a', 'other', 'team-b', 'team-e', 'team-d', 'team-f']) {
      await dz.send(
        new CreateAccountPoolCommand({
          domainIdentifier: domain.id,
          name,
          resolutionStrategy: 'MANUAL',
          accountSource: STATIC,
        }),
      );
    }
    const { items, pages } = await allPages((nextToken) =>
      dz.send(
        new ListAccountPoolsCommand({
          domainIdentifier: domain.id,
          name: 'team',
          sortBy: 'NAME',
          sortOrder: 'DESCENDING',
          nextToken,
        }),
      ),
    );
    expect(items.map((p) => p.name)).toEqual(['team-f', 'team-e', 'team-d', 'team-c', 'team-b', 'team-a']);
    expect(pages).toBe(2);
    expect(items[0]).not.toHaveProperty('accountSource');
  });

  it('answers AccessDenied for an unknown domain on ListAccountPools (no 404 modelled)', async () => {
    await expectError(
      emu.dataZone().send(new ListAccountPoolsCommand({ domainIdentifier: 'dzd_nothing' })),
      'AccessDeniedException',
    );
  });
});
