/**
 * Studio domains through the real SageMaker client: create, describe, update, delete and list,
 * the lifecycles on the emulated clock, and each modelled error (plus the unmodelled
 * ValidationException the inferred network rules answer).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  DescribeDomainCommand,
  ListDomainsCommand,
  UpdateDomainCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { withEmulator } from '../../helpers/emulator.js';
import { STUDIO_DOMAIN_QUOTA } from '../../../src/emulator/services/sagemaker/domains.js';
import { STUDIO_MS, domainInput, expectServiceError, sageMakerEmulatorOptions } from './fixtures.js';

const emu = withEmulator(sageMakerEmulatorOptions);
let sm: SageMakerClient;

beforeEach(async () => {
  await emu.emulator.control.reset();
  sm = emu.sageMaker();
});

async function status(id: string): Promise<string | undefined> {
  return (await sm.send(new DescribeDomainCommand({ DomainId: id }))).Status;
}

async function createInService(name: string): Promise<string> {
  const out = await sm.send(new CreateDomainCommand(domainInput(name)));
  await emu.emulator.control.advanceClock(STUDIO_MS.create);
  return out.DomainId ?? '';
}

describe('CreateDomain and DescribeDomain', () => {
  it('creates a Pending domain that is InService after studioCreate, echoing every stored member', async () => {
    const out = await sm.send(
      new CreateDomainCommand(
        domainInput('studio-main', {
          KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555',
          DomainSettings: { SecurityGroupIds: ['sg-0123'] },
          DefaultSpaceSettings: { ExecutionRole: 'arn:aws:iam::111122223333:role/Space' },
        }),
      ),
    );
    expect(out.DomainId).toMatch(/^d-[a-z0-9]{12}$/);
    expect(out.DomainArn).toBe(`arn:aws:sagemaker:us-east-1:111122223333:domain/${out.DomainId}`);
    expect(out.Url).toBe(`https://${out.DomainId}.studio.us-east-1.sagemaker.aws`);

    const pending = await sm.send(new DescribeDomainCommand({ DomainId: out.DomainId }));
    expect(pending).toMatchObject({
      DomainId: out.DomainId,
      DomainArn: out.DomainArn,
      DomainName: 'studio-main',
      Status: 'Pending',
      AuthMode: 'IAM',
      DefaultUserSettings: { ExecutionRole: 'arn:aws:iam::111122223333:role/StudioExecution' },
      DomainSettings: { SecurityGroupIds: ['sg-0123'] },
      DefaultSpaceSettings: { ExecutionRole: 'arn:aws:iam::111122223333:role/Space' },
      SubnetIds: ['subnet-0a1b2c3d'],
      VpcId: 'vpc-0a1b2c3d',
      AppNetworkAccessType: 'PublicInternetOnly',
      HomeEfsFileSystemCreation: 'Enabled',
      TagPropagation: 'DISABLED',
      KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555',
      Url: out.Url,
    });
    expect(pending.HomeEfsFileSystemId).toMatch(/^fs-[0-9a-f]{17}$/);
    expect(pending.CreationTime).toBeInstanceOf(Date);
    expect(pending.LastModifiedTime).toBeInstanceOf(Date);

    await emu.emulator.control.advanceClock(STUDIO_MS.create);
    expect(await status(out.DomainId ?? '')).toBe('InService');
  });

  it('fills the SSO members for an SSO domain and the boundary security group for VpcOnly', async () => {
    const out = await sm.send(
      new CreateDomainCommand(
        domainInput('studio-sso', {
          AuthMode: 'SSO',
          AppNetworkAccessType: 'VpcOnly',
          DefaultUserSettings: {
            ExecutionRole: 'arn:aws:iam::111122223333:role/X',
            SecurityGroups: ['sg-1'],
          },
        }),
      ),
    );
    const described = await sm.send(new DescribeDomainCommand({ DomainId: out.DomainId }));
    expect(described.SingleSignOnApplicationArn).toMatch(
      /^arn:aws:sso::111122223333:application\/ssoins-[0-9a-f]{16}\/apl-[0-9a-f]{16}$/,
    );
    expect(described.SingleSignOnManagedApplicationInstanceId).toBeDefined();
    expect(described.SecurityGroupIdForDomainBoundary).toMatch(/^sg-/);
  });

  it('refuses a taken name (ResourceInUse) and more domains than the quota (ResourceLimitExceeded)', async () => {
    await sm.send(new CreateDomainCommand(domainInput('studio-dup')));
    await expectServiceError(sm.send(new CreateDomainCommand(domainInput('studio-dup'))), 'ResourceInUse');
    for (let i = 1; i < STUDIO_DOMAIN_QUOTA; i++)
      await sm.send(new CreateDomainCommand(domainInput(`studio-q${i}`)));
    await expectServiceError(
      sm.send(new CreateDomainCommand(domainInput('studio-one-too-many'))),
      'ResourceLimitExceeded',
    );
  });

  it('refuses VpcOnly without VPC, subnets or security groups (unmodelled ValidationException)', async () => {
    await expectServiceError(
      sm.send(
        new CreateDomainCommand(
          domainInput('studio-vpc', { AppNetworkAccessType: 'VpcOnly', VpcId: undefined }),
        ),
      ),
      'ValidationException',
    );
    await expectServiceError(
      sm.send(new CreateDomainCommand(domainInput('studio-vpc', { AppNetworkAccessType: 'VpcOnly' }))),
      'ValidationException',
    );
  });

  it('answers ResourceNotFound for an unknown domain and for a domain of another account', async () => {
    await expectServiceError(
      sm.send(new DescribeDomainCommand({ DomainId: 'd-000000000000' })),
      'ResourceNotFound',
    );
    const id = (await sm.send(new CreateDomainCommand(domainInput('studio-mine')))).DomainId;
    const other = await emu.asAccount('222233334444');
    await expectServiceError(
      other.sageMaker().send(new DescribeDomainCommand({ DomainId: id })),
      'ResourceNotFound',
    );
  });
});

describe('UpdateDomain', () => {
  it('merges settings, runs Updating → InService, and moves LastModifiedTime', async () => {
    const id = await createInService('studio-upd');
    const before = await sm.send(new DescribeDomainCommand({ DomainId: id }));
    const out = await sm.send(
      new UpdateDomainCommand({
        DomainId: id,
        DefaultUserSettings: { SecurityGroups: ['sg-2'] },
        TagPropagation: 'ENABLED',
      }),
    );
    expect(out.DomainArn).toBe(before.DomainArn);
    const updating = await sm.send(new DescribeDomainCommand({ DomainId: id }));
    expect(updating).toMatchObject({
      Status: 'Updating',
      TagPropagation: 'ENABLED',
      DefaultUserSettings: {
        ExecutionRole: 'arn:aws:iam::111122223333:role/StudioExecution',
        SecurityGroups: ['sg-2'],
      },
    });
    expect(updating.LastModifiedTime?.getTime()).toBeGreaterThan(
      before.LastModifiedTime?.getTime() ?? Infinity,
    );
    await expectServiceError(
      sm.send(new UpdateDomainCommand({ DomainId: id, TagPropagation: 'DISABLED' })),
      'ResourceInUse',
    );
    await emu.emulator.control.advanceClock(STUDIO_MS.update);
    expect(await status(id)).toBe('InService');
  });

  it('refuses a Pending domain (ResourceInUse), an unknown one (ResourceNotFound) and immutable changes', async () => {
    const pending = (await sm.send(new CreateDomainCommand(domainInput('studio-pending')))).DomainId;
    await expectServiceError(
      sm.send(new UpdateDomainCommand({ DomainId: pending, TagPropagation: 'ENABLED' })),
      'ResourceInUse',
    );
    await expectServiceError(
      sm.send(new UpdateDomainCommand({ DomainId: 'd-000000000000' })),
      'ResourceNotFound',
    );
    const id = await createInService('studio-imm');
    await expectServiceError(
      sm.send(new UpdateDomainCommand({ DomainId: id, VpcId: 'vpc-other' })),
      'ValidationException',
    );
    await expectServiceError(
      sm.send(new UpdateDomainCommand({ DomainId: id, HomeEfsFileSystemCreation: 'Disabled' })),
      'ValidationException',
    );
    await expectServiceError(
      sm.send(new UpdateDomainCommand({ DomainId: id, AppNetworkAccessType: 'VpcOnly' })),
      'ValidationException',
    );
  });

  it('lets a Unified Studio domain created without a VPC get one', async () => {
    const out = await sm.send(
      new CreateDomainCommand(
        domainInput('studio-smus', {
          SubnetIds: undefined,
          VpcId: undefined,
          DomainSettings: { UnifiedStudioSettings: { DomainId: 'dzd_abc', DomainAccountId: '111122223333' } },
        }),
      ),
    );
    await emu.emulator.control.advanceClock(STUDIO_MS.create);
    await sm.send(
      new UpdateDomainCommand({ DomainId: out.DomainId, VpcId: 'vpc-new', SubnetIds: ['subnet-1'] }),
    );
    expect((await sm.send(new DescribeDomainCommand({ DomainId: out.DomainId }))).VpcId).toBe('vpc-new');
  });
});

describe('DeleteDomain', () => {
  it('runs Deleting → gone (ResourceNotFound), frees the name, and refuses a domain not InService', async () => {
    const id = await createInService('studio-del');
    await sm.send(
      new DeleteDomainCommand({ DomainId: id, RetentionPolicy: { HomeEfsFileSystem: 'Delete' } }),
    );
    expect(await status(id)).toBe('Deleting');
    await expectServiceError(sm.send(new DeleteDomainCommand({ DomainId: id })), 'ResourceInUse');
    await expectServiceError(sm.send(new CreateDomainCommand(domainInput('studio-del'))), 'ResourceInUse');
    await emu.emulator.control.advanceClock(STUDIO_MS.delete);
    await expectServiceError(sm.send(new DescribeDomainCommand({ DomainId: id })), 'ResourceNotFound');
    await expectServiceError(sm.send(new DeleteDomainCommand({ DomainId: id })), 'ResourceNotFound');
    await sm.send(new CreateDomainCommand(domainInput('studio-del')));
  });
});

describe('ListDomains', () => {
  it('pages with the emulator default page size and honours MaxResults; a bad token is a ValidationException', async () => {
    const ids: string[] = [];
    for (const name of ['studio-l1', 'studio-l2', 'studio-l3']) {
      ids.push((await sm.send(new CreateDomainCommand(domainInput(name)))).DomainId ?? '');
    }
    const first = await sm.send(new ListDomainsCommand({}));
    expect(first.Domains).toHaveLength(2);
    const second = await sm.send(new ListDomainsCommand({ NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    const all = [...(first.Domains ?? []), ...(second.Domains ?? [])];
    // Creation order, ties (same millisecond) broken by id: compare as sets, then find l1.
    expect(all.map((d) => d.DomainId).sort()).toEqual([...ids].sort());
    expect(all.find((d) => d.DomainId === ids[0])).toMatchObject({
      DomainName: 'studio-l1',
      Status: 'Pending',
      Url: expect.stringContaining(ids[0] ?? ''),
    });
    expect(all[0]?.CreationTime).toBeInstanceOf(Date);
    const big = await sm.send(new ListDomainsCommand({ MaxResults: 100 }));
    expect(big.Domains).toHaveLength(3);
    await expectServiceError(
      sm.send(new ListDomainsCommand({ NextToken: 'garbage' })),
      'ValidationException',
    );
  });
});
