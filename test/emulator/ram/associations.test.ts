/**
 * AssociateResourceShare, DisassociateResourceShare and GetResourceShareAssociations through the
 * real RAM client, with the in-organisation lifecycle driven by the emulated clock, and the
 * queries DataZone asks (isAccountAssociated, associatedAccounts) read from the same world.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  type RAMClient,
} from '@aws-sdk/client-ram';
import { withEmulator } from '../../helpers/emulator.js';
import { allPages, withFrozenClock } from '../../helpers/lists.js';
import {
  associatedAccounts,
  isAccountAssociated,
  resourcesSharedWith,
} from '../../../src/emulator/services/ram/queries.js';
import {
  ASSOCIATE_MS,
  EXTERNAL,
  IN_ORG,
  expectServiceError,
  ramEmulatorOptions,
  seedDomain,
} from './fixtures.js';

const emu = withEmulator(ramEmulatorOptions);
const OTHER_IN_ORG = '333344445555';
let ram: RAMClient;
let domainArn: string;

beforeEach(async () => {
  await emu.emulator.control.reset();
  domainArn = seedDomain(emu.emulator.world, 'dzd_assoc0000001');
  ram = emu.ram();
});

async function createShare(principals: string[] = [IN_ORG]): Promise<string> {
  const out = await ram.send(
    new CreateResourceShareCommand({ name: 'DataZone-assoc', resourceArns: [domainArn], principals }),
  );
  return out.resourceShare?.resourceShareArn ?? '';
}

async function principalStatuses(shareArn: string): Promise<Record<string, string | undefined>> {
  const out = await ram.send(
    new GetResourceShareAssociationsCommand({
      associationType: 'PRINCIPAL',
      resourceShareArns: [shareArn],
      maxResults: 50,
    }),
  );
  return Object.fromEntries((out.resourceShareAssociations ?? []).map((a) => [a.associatedEntity, a.status]));
}

describe('in-organisation association', () => {
  it('is ASSOCIATING until ramAssociate has passed on the emulated clock, then ASSOCIATED', async () => {
    const shareArn = await createShare();
    expect(await principalStatuses(shareArn)).toEqual({ [IN_ORG]: 'ASSOCIATING' });
    expect(isAccountAssociated(emu.emulator.world, domainArn, IN_ORG)).toBe(false);

    await emu.emulator.control.advanceClock(ASSOCIATE_MS);
    expect(await principalStatuses(shareArn)).toEqual({ [IN_ORG]: 'ASSOCIATED' });
    const resources = await ram.send(
      new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceArn: domainArn }),
    );
    expect(resources.resourceShareAssociations).toMatchObject([
      {
        resourceShareArn: shareArn,
        resourceShareName: 'DataZone-assoc',
        associatedEntity: domainArn,
        status: 'ASSOCIATED',
        external: false,
      },
    ]);
    expect(resources.resourceShareAssociations?.[0]?.creationTime).toBeInstanceOf(Date);
    expect(isAccountAssociated(emu.emulator.world, domainArn, IN_ORG)).toBe(true);
    expect(associatedAccounts(emu.emulator.world, domainArn)).toEqual([IN_ORG]);
    expect(resourcesSharedWith(emu.emulator.world, IN_ORG, 'us-east-1')).toEqual([domainArn]);

    // The receiving account sees the share as shared with it.
    const other = await emu.asAccount(IN_ORG);
    const shared = await other.ram().send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(shared.resourceShares?.map((s) => s.resourceShareArn)).toEqual([shareArn]);
  });
});

describe('AssociateResourceShare', () => {
  it('adds a principal (an existing one is answered unchanged) and replays a repeated clientToken', async () => {
    const shareArn = await createShare();
    const input = { resourceShareArn: shareArn, principals: [IN_ORG, OTHER_IN_ORG], clientToken: 'assoc-1' };
    const out = await ram.send(new AssociateResourceShareCommand(input));
    expect(out.clientToken).toBe('assoc-1');
    expect(
      out.resourceShareAssociations?.map((a) => [a.associatedEntity, a.associationType, a.status]),
    ).toEqual([
      [IN_ORG, 'PRINCIPAL', 'ASSOCIATING'],
      [OTHER_IN_ORG, 'PRINCIPAL', 'ASSOCIATING'],
    ]);
    const again = await ram.send(new AssociateResourceShareCommand(input));
    expect(again.resourceShareAssociations).toEqual(out.resourceShareAssociations);
    await expectServiceError(
      ram.send(new AssociateResourceShareCommand({ ...input, principals: [IN_ORG] })),
      'IdempotentParameterMismatchException',
    );
    await emu.emulator.control.advanceClock(ASSOCIATE_MS);
    expect(associatedAccounts(emu.emulator.world, domainArn)).toEqual([IN_ORG, OTHER_IN_ORG]);
  });

  it('answers each modelled error it can return', async () => {
    const shareArn = await createShare();
    await expectServiceError(
      ram.send(new AssociateResourceShareCommand({ resourceShareArn: 'bad', principals: [IN_ORG] })),
      'MalformedArnException',
    );
    await expectServiceError(
      ram.send(new AssociateResourceShareCommand({ resourceShareArn: shareArn, resourceArns: ['dzd_x'] })),
      'MalformedArnException',
    );
    await expectServiceError(
      ram.send(new AssociateResourceShareCommand({ resourceShareArn: shareArn })),
      'InvalidParameterException',
    );
    await expectServiceError(
      ram.send(new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: ['12345'] })),
      'InvalidParameterException',
    );
    await expectServiceError(
      ram.send(
        new AssociateResourceShareCommand({
          resourceShareArn: shareArn,
          resourceArns: ['arn:aws:datazone:us-east-1:111122223333:domain/dzd_missing00001'],
        }),
      ),
      'UnknownResourceException',
    );
    const locked = await ram.send(
      new CreateResourceShareCommand({
        name: 'DataZone-org-only',
        resourceArns: [domainArn],
        allowExternalPrincipals: false,
      }),
    );
    await expectServiceError(
      ram.send(
        new AssociateResourceShareCommand({
          resourceShareArn: locked.resourceShare?.resourceShareArn,
          principals: [EXTERNAL],
        }),
      ),
      'OperationNotPermittedException',
    );
    const other = await emu.asAccount(IN_ORG);
    await expectServiceError(
      other
        .ram()
        .send(new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: [OTHER_IN_ORG] })),
      'UnknownResourceException',
    );
  });
});

describe('DisassociateResourceShare', () => {
  it('runs DISASSOCIATING → DISASSOCIATED (still listed) and the account is no longer associated', async () => {
    const shareArn = await createShare();
    await emu.emulator.control.advanceClock(ASSOCIATE_MS);
    const out = await ram.send(
      new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [IN_ORG] }),
    );
    expect(out.resourceShareAssociations?.map((a) => a.status)).toEqual(['DISASSOCIATING']);
    expect(out.clientToken).toBeDefined();
    expect(isAccountAssociated(emu.emulator.world, domainArn, IN_ORG)).toBe(false);
    await emu.emulator.control.advanceClock(ASSOCIATE_MS);
    expect(await principalStatuses(shareArn)).toEqual({ [IN_ORG]: 'DISASSOCIATED' });
    const live = await ram.send(
      new GetResourceShareAssociationsCommand({
        associationType: 'PRINCIPAL',
        associationStatus: 'ASSOCIATED',
      }),
    );
    expect(live.resourceShareAssociations).toEqual([]);

    // Associating again starts over.
    await ram.send(new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: [IN_ORG] }));
    expect(await principalStatuses(shareArn)).toEqual({ [IN_ORG]: 'ASSOCIATING' });
  });

  it('answers each modelled error it can return', async () => {
    const shareArn = await createShare();
    await expectServiceError(
      ram.send(new DisassociateResourceShareCommand({ resourceShareArn: 'bad', principals: [IN_ORG] })),
      'MalformedArnException',
    );
    await expectServiceError(
      ram.send(new DisassociateResourceShareCommand({ resourceShareArn: shareArn })),
      'InvalidParameterException',
    );
    await expectServiceError(
      ram.send(
        new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [OTHER_IN_ORG] }),
      ),
      'UnknownResourceException',
    );
    await ram.send(
      new DisassociateResourceShareCommand({
        resourceShareArn: shareArn,
        principals: [IN_ORG],
        clientToken: 't',
      }),
    );
    await expectServiceError(
      ram.send(
        new DisassociateResourceShareCommand({
          resourceShareArn: shareArn,
          resourceArns: [domainArn],
          clientToken: 't',
        }),
      ),
      'IdempotentParameterMismatchException',
    );
  });
});

describe('GetResourceShareAssociations', () => {
  it('pages, filters by principal, and refuses inconsistent filters and bad ARNs', async () => {
    const shareArn = await createShare([IN_ORG, OTHER_IN_ORG, '555566667777']);
    const first = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL' }));
    expect(first.resourceShareAssociations).toHaveLength(2);
    const second = await ram.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', nextToken: first.nextToken }),
    );
    expect(second.resourceShareAssociations).toHaveLength(1);
    expect(second.nextToken).toBeUndefined();
    const one = await ram.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', principal: OTHER_IN_ORG }),
    );
    expect(one.resourceShareAssociations?.map((a) => [a.resourceShareArn, a.associatedEntity])).toEqual([
      [shareArn, OTHER_IN_ORG],
    ]);
    await expectServiceError(
      ram.send(
        new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceArn: domainArn }),
      ),
      'InvalidParameterException',
    );
    await expectServiceError(
      ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceArn: 'nope' })),
      'MalformedArnException',
    );
    await expectServiceError(
      ram.send(
        new GetResourceShareAssociationsCommand({
          associationType: 'PRINCIPAL',
          resourceShareArns: [
            'arn:aws:ram:us-east-1:111122223333:resource-share/00000000-0000-4000-8000-000000000000',
          ],
        }),
      ),
      'UnknownResourceException',
    );
    await expectServiceError(
      ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', nextToken: 'x' })),
      'InvalidNextTokenException',
    );
  });
});

describe('listing order', () => {
  it('lists associations made within one millisecond in the order they were made', async () => {
    // The clock held still: every association gets one createdAt, so only creation order is left
    // to order them (the share-and-entity key would list OTHER_IN_ORG after IN_ORG).
    const shareArn = await withFrozenClock(async () => {
      const arn = await createShare([OTHER_IN_ORG]);
      await ram.send(new AssociateResourceShareCommand({ resourceShareArn: arn, principals: [IN_ORG] }));
      return arn;
    });
    const listed = await allPages(async (nextToken) => {
      const page = await ram.send(
        new GetResourceShareAssociationsCommand({
          associationType: 'PRINCIPAL',
          resourceShareArns: [shareArn],
          maxResults: 1,
          nextToken,
        }),
      );
      return {
        items: page.resourceShareAssociations?.map((a) => a.associatedEntity ?? ''),
        nextToken: page.nextToken,
      };
    });
    expect(listed).toEqual([OTHER_IN_ORG, IN_ORG]);
  });
});
