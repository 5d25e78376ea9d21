/**
 * CreateResourceShare, GetResourceShares and DeleteResourceShare through the real RAM client:
 * success, each modelled error, clientToken idempotency and pagination.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  GetResourceSharesCommand,
  type RAMClient,
} from '@aws-sdk/client-ram';
import { withEmulator } from '../../helpers/emulator.js';
import { allPages, withFrozenClock } from '../../helpers/lists.js';
import { EXTERNAL, HOME, IN_ORG, expectServiceError, ramEmulatorOptions, seedDomain } from './fixtures.js';

const emu = withEmulator(ramEmulatorOptions);
let ram: RAMClient;
let domainArn: string;

beforeEach(async () => {
  await emu.emulator.control.reset();
  domainArn = seedDomain(emu.emulator.world, 'dzd_shares000001');
  ram = emu.ram();
});

describe('CreateResourceShare', () => {
  it('creates an ACTIVE share owned by the caller, with epoch timestamps the SDK parses', async () => {
    const out = await ram.send(
      new CreateResourceShareCommand({
        name: 'DataZone-main',
        resourceArns: [domainArn],
        principals: [IN_ORG],
        tags: [{ key: 'team', value: 'data' }],
      }),
    );
    const share = out.resourceShare;
    expect(share?.resourceShareArn).toMatch(
      /^arn:aws:ram:us-east-1:111122223333:resource-share\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(share).toMatchObject({
      name: 'DataZone-main',
      owningAccountId: HOME,
      allowExternalPrincipals: true,
      status: 'ACTIVE',
      featureSet: 'STANDARD',
      tags: [{ key: 'team', value: 'data' }],
    });
    expect(share?.creationTime).toBeInstanceOf(Date);
    expect(share?.lastUpdatedTime).toBeInstanceOf(Date);
    expect(out.clientToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a resource that is not an ARN (MalformedArnException)', async () => {
    await expectServiceError(
      ram.send(new CreateResourceShareCommand({ name: 'DataZone-x', resourceArns: ['dzd_shares000001'] })),
      'MalformedArnException',
    );
  });

  it('refuses an unknown resource and an unknown permission (UnknownResourceException)', async () => {
    await expectServiceError(
      ram.send(
        new CreateResourceShareCommand({
          name: 'DataZone-x',
          resourceArns: ['arn:aws:datazone:us-east-1:111122223333:domain/dzd_nosuchdomain1'],
        }),
      ),
      'UnknownResourceException',
    );
    await expectServiceError(
      ram.send(
        new CreateResourceShareCommand({
          name: 'DataZone-x',
          resourceArns: [domainArn],
          permissionArns: ['arn:aws:ram::aws:permission/AWSRAMPermissionDataZoneDefault'],
        }),
      ),
      'UnknownResourceException',
    );
  });

  it('refuses a domain of another account (UnknownResourceException)', async () => {
    const foreign = seedDomain(emu.emulator.world, 'dzd_foreign00001', IN_ORG);
    await expectServiceError(
      ram.send(new CreateResourceShareCommand({ name: 'DataZone-x', resourceArns: [foreign] })),
      'UnknownResourceException',
    );
  });

  it('refuses bad principals and two permissions for one type (InvalidParameterException)', async () => {
    for (const principals of [['o-exampleorgid'], [HOME]]) {
      await expectServiceError(
        ram.send(
          new CreateResourceShareCommand({ name: 'DataZone-x', resourceArns: [domainArn], principals }),
        ),
        'InvalidParameterException',
      );
    }
    await expectServiceError(
      ram.send(
        new CreateResourceShareCommand({
          name: 'DataZone-x',
          resourceArns: [domainArn],
          permissionArns: [
            'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionAmazonDataZoneDomain',
            'arn:aws:ram::aws:permission/AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceAccess',
          ],
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('refuses an external principal unless external principals are allowed (OperationNotPermittedException)', async () => {
    await expectServiceError(
      ram.send(
        new CreateResourceShareCommand({
          name: 'DataZone-x',
          resourceArns: [domainArn],
          principals: [EXTERNAL],
          allowExternalPrincipals: false,
        }),
      ),
      'OperationNotPermittedException',
    );
    const shares = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(shares.resourceShares).toEqual([]);
  });

  it('replays a repeated clientToken and refuses it with other parameters', async () => {
    const input = { name: 'DataZone-idem', resourceArns: [domainArn], clientToken: 'token-1' };
    const first = await ram.send(new CreateResourceShareCommand(input));
    const again = await ram.send(new CreateResourceShareCommand(input));
    expect(again).toMatchObject({ resourceShare: first.resourceShare, clientToken: 'token-1' });
    const all = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', maxResults: 10 }));
    expect(all.resourceShares).toHaveLength(1);
    await expectServiceError(
      ram.send(new CreateResourceShareCommand({ ...input, name: 'DataZone-other' })),
      'IdempotentParameterMismatchException',
    );
  });
});

describe('GetResourceShares', () => {
  it('filters by owner, name, status and ARN, and pages with nextToken', async () => {
    const arns: string[] = [];
    for (const name of ['DataZone-a', 'DataZone-b', 'DataZone-a']) {
      const out = await ram.send(new CreateResourceShareCommand({ name, resourceArns: [domainArn] }));
      arns.push(out.resourceShare?.resourceShareArn ?? '');
    }
    const first = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(first.resourceShares).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const second = await ram.send(
      new GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken: first.nextToken }),
    );
    expect(
      [...(first.resourceShares ?? []), ...(second.resourceShares ?? [])].map((s) => s.resourceShareArn),
    ).toEqual(arns);
    expect(second.nextToken).toBeUndefined();

    const named = await ram.send(
      new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'DataZone-a', maxResults: 10 }),
    );
    expect(named.resourceShares?.map((s) => s.resourceShareArn)).toEqual([arns[0], arns[2]]);
    const byArn = await ram.send(
      new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [arns[1] ?? ''] }),
    );
    expect(byArn.resourceShares?.map((s) => s.name)).toEqual(['DataZone-b']);
    const deleted = await ram.send(
      new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareStatus: 'DELETED' }),
    );
    expect(deleted.resourceShares).toEqual([]);
    const others = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(others.resourceShares).toEqual([]);
  });

  it('lists shares made within one millisecond in the order they were made', async () => {
    // The clock held still: every share gets one createdAt, so only their creation order is left
    // to order them (the random ARNs once did, and this listing failed now and then).
    const arns = await withFrozenClock(async () => {
      const made: string[] = [];
      for (const name of ['DataZone-1', 'DataZone-2', 'DataZone-3', 'DataZone-4', 'DataZone-5']) {
        const out = await ram.send(new CreateResourceShareCommand({ name, resourceArns: [domainArn] }));
        made.push(out.resourceShare?.resourceShareArn ?? '');
      }
      return made;
    });
    const listed = await allPages(async (nextToken) => {
      const page = await ram.send(
        new GetResourceSharesCommand({ resourceOwner: 'SELF', maxResults: 2, nextToken }),
      );
      return { items: page.resourceShares?.map((s) => s.resourceShareArn ?? ''), nextToken: page.nextToken };
    });
    expect(listed).toEqual(arns);
  });

  it('answers InvalidNextTokenException, MalformedArnException and UnknownResourceException', async () => {
    await expectServiceError(
      ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken: 'garbage' })),
      'InvalidNextTokenException',
    );
    await expectServiceError(
      ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: ['not-an-arn'] })),
      'MalformedArnException',
    );
    await expectServiceError(
      ram.send(
        new GetResourceSharesCommand({
          resourceOwner: 'SELF',
          resourceShareArns: [
            'arn:aws:ram:us-east-1:111122223333:resource-share/00000000-0000-4000-8000-000000000000',
          ],
        }),
      ),
      'UnknownResourceException',
    );
  });
});

describe('DeleteResourceShare', () => {
  it('marks the share DELETED (still listed), disassociates it, and replays a repeated clientToken', async () => {
    const created = await ram.send(
      new CreateResourceShareCommand({
        name: 'DataZone-del',
        resourceArns: [domainArn],
        principals: [IN_ORG],
      }),
    );
    const arn = created.resourceShare?.resourceShareArn ?? '';
    const out = await ram.send(
      new DeleteResourceShareCommand({ resourceShareArn: arn, clientToken: 'del-1' }),
    );
    expect(out).toMatchObject({ returnValue: true, clientToken: 'del-1' });
    const again = await ram.send(
      new DeleteResourceShareCommand({ resourceShareArn: arn, clientToken: 'del-1' }),
    );
    expect(again).toMatchObject({ returnValue: true, clientToken: 'del-1' });
    const listed = await ram.send(
      new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareStatus: 'DELETED' }),
    );
    expect(listed.resourceShares?.map((s) => [s.resourceShareArn, s.status])).toEqual([[arn, 'DELETED']]);
    await expectServiceError(
      ram.send(new DeleteResourceShareCommand({ resourceShareArn: arn })),
      'InvalidStateTransitionException',
    );
  });

  it('answers MalformedArnException, and UnknownResourceException for a share of another account', async () => {
    await expectServiceError(
      ram.send(new DeleteResourceShareCommand({ resourceShareArn: 'nope' })),
      'MalformedArnException',
    );
    const created = await ram.send(
      new CreateResourceShareCommand({ name: 'DataZone-mine', resourceArns: [domainArn] }),
    );
    const other = await emu.asAccount(IN_ORG);
    await expectServiceError(
      other
        .ram()
        .send(new DeleteResourceShareCommand({ resourceShareArn: created.resourceShare?.resourceShareArn })),
      'UnknownResourceException',
    );
  });
});
