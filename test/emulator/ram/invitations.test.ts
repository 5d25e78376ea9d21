/**
 * Sharing with an account outside the organisation, end to end through the real RAM client: the
 * domain account shares, the external account (STS AssumeRole credentials) sees and accepts the
 * invitation, and the association becomes ASSOCIATED. Also each modelled error of the receiver's
 * operations, and expiry after seven days of emulated time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AcceptResourceShareInvitationCommand,
  CreateResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  type RAMClient,
} from '@aws-sdk/client-ram';
import { withEmulator, type ClientFactories } from '../../helpers/emulator.js';
import { isAccountAssociated } from '../../../src/emulator/services/ram/queries.js';
import {
  ASSOCIATE_MS,
  EXTERNAL,
  HOME,
  IN_ORG,
  expectServiceError,
  ramEmulatorOptions,
  seedDomain,
} from './fixtures.js';

const emu = withEmulator(ramEmulatorOptions);
const SEVEN_DAYS = 7 * 24 * 60 * 60 * 1000;
let ram: RAMClient;
let external: ClientFactories;
let domainArn: string;

beforeEach(async () => {
  await emu.emulator.control.reset();
  domainArn = seedDomain(emu.emulator.world, 'dzd_invite000001');
  ram = emu.ram();
  external = await emu.asAccount(EXTERNAL);
});

async function shareWithExternal(): Promise<string> {
  const out = await ram.send(
    new CreateResourceShareCommand({
      name: 'DataZone-ext',
      resourceArns: [domainArn],
      principals: [EXTERNAL],
    }),
  );
  return out.resourceShare?.resourceShareArn ?? '';
}

async function externalStatus(shareArn: string): Promise<string | undefined> {
  const out = await ram.send(
    new GetResourceShareAssociationsCommand({
      associationType: 'PRINCIPAL',
      resourceShareArns: [shareArn],
      principal: EXTERNAL,
    }),
  );
  return out.resourceShareAssociations?.[0]?.status;
}

describe('external account invitation flow', () => {
  it('stays ASSOCIATING until the receiver accepts, then ASSOCIATED', async () => {
    const shareArn = await shareWithExternal();
    await emu.emulator.control.advanceClock(ASSOCIATE_MS * 10);
    expect(await externalStatus(shareArn)).toBe('ASSOCIATING');
    expect(isAccountAssociated(emu.emulator.world, domainArn, EXTERNAL)).toBe(false);

    const received = await external
      .ram()
      .send(new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn] }));
    expect(received.resourceShareInvitations).toHaveLength(1);
    const invitation = received.resourceShareInvitations?.[0];
    expect(invitation).toMatchObject({
      resourceShareArn: shareArn,
      resourceShareName: 'DataZone-ext',
      senderAccountId: HOME,
      receiverAccountId: EXTERNAL,
      status: 'PENDING',
    });
    expect(invitation?.resourceShareInvitationArn).toMatch(
      /^arn:aws:ram:us-east-1:111122223333:resource-share-invitation\//,
    );
    expect(invitation?.invitationTimestamp).toBeInstanceOf(Date);
    // The sender does not receive its own invitation.
    const senderView = await ram.send(new GetResourceShareInvitationsCommand({}));
    expect(senderView.resourceShareInvitations).toEqual([]);

    const accepted = await external.ram().send(
      new AcceptResourceShareInvitationCommand({
        resourceShareInvitationArn: invitation?.resourceShareInvitationArn,
        clientToken: 'acc-1',
      }),
    );
    expect(accepted).toMatchObject({ resourceShareInvitation: { status: 'ACCEPTED' }, clientToken: 'acc-1' });
    expect(await externalStatus(shareArn)).toBe('ASSOCIATED');
    expect(isAccountAssociated(emu.emulator.world, domainArn, EXTERNAL)).toBe(true);
    const shared = await external
      .ram()
      .send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(shared.resourceShares?.map((s) => s.resourceShareArn)).toEqual([shareArn]);

    // A repeated token replays; a new accept is refused as already accepted.
    const replay = await external.ram().send(
      new AcceptResourceShareInvitationCommand({
        resourceShareInvitationArn: invitation?.resourceShareInvitationArn,
        clientToken: 'acc-1',
      }),
    );
    expect(replay).toEqual(
      expect.objectContaining({ resourceShareInvitation: accepted.resourceShareInvitation }),
    );
    await expectServiceError(
      external.ram().send(
        new AcceptResourceShareInvitationCommand({
          resourceShareInvitationArn: invitation?.resourceShareInvitationArn,
        }),
      ),
      'ResourceShareInvitationAlreadyAcceptedException',
    );
  });

  it('expires after seven days: EXPIRED invitation, FAILED association, accept refused', async () => {
    const shareArn = await shareWithExternal();
    await emu.emulator.control.advanceClock(SEVEN_DAYS);
    const received = await external.ram().send(new GetResourceShareInvitationsCommand({}));
    const invitation = received.resourceShareInvitations?.[0];
    expect(invitation?.status).toBe('EXPIRED');
    expect(await externalStatus(shareArn)).toBe('FAILED');
    await expectServiceError(
      external.ram().send(
        new AcceptResourceShareInvitationCommand({
          resourceShareInvitationArn: invitation?.resourceShareInvitationArn,
        }),
      ),
      'ResourceShareInvitationExpiredException',
    );
  });

  it('withdraws a pending invitation when the principal is disassociated', async () => {
    const shareArn = await shareWithExternal();
    const received = await external.ram().send(new GetResourceShareInvitationsCommand({}));
    const arn = received.resourceShareInvitations?.[0]?.resourceShareInvitationArn;
    await ram.send(
      new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [EXTERNAL] }),
    );
    const after = await external.ram().send(new GetResourceShareInvitationsCommand({}));
    expect(after.resourceShareInvitations).toEqual([]);
    await expectServiceError(
      external.ram().send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn })),
      'ResourceShareInvitationArnNotFoundException',
    );
  });
});

describe('receiver operation errors', () => {
  it('AcceptResourceShareInvitation: malformed, unknown, not the receiver, mismatched token', async () => {
    await shareWithExternal();
    const received = await external.ram().send(new GetResourceShareInvitationsCommand({}));
    const arn = received.resourceShareInvitations?.[0]?.resourceShareInvitationArn;
    await expectServiceError(
      external.ram().send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: 'nope' })),
      'MalformedArnException',
    );
    await expectServiceError(
      external.ram().send(
        new AcceptResourceShareInvitationCommand({
          resourceShareInvitationArn:
            'arn:aws:ram:us-east-1:111122223333:resource-share-invitation/00000000-0000-4000-8000-000000000000',
        }),
      ),
      'ResourceShareInvitationArnNotFoundException',
    );
    const inOrg = await emu.asAccount(IN_ORG);
    await expectServiceError(
      inOrg.ram().send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn })),
      'OperationNotPermittedException',
    );
    await external
      .ram()
      .send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken: 'k' }));
    await expectServiceError(
      external.ram().send(
        new AcceptResourceShareInvitationCommand({
          resourceShareInvitationArn:
            'arn:aws:ram:us-east-1:111122223333:resource-share-invitation/00000000-0000-4000-8000-000000000001',
          clientToken: 'k',
        }),
      ),
      'IdempotentParameterMismatchException',
    );
  });

  it('GetResourceShareInvitations: pages, and refuses malformed, unknown ARNs and bad tokens', async () => {
    for (let i = 0; i < 3; i++) await shareWithExternal();
    const first = await external.ram().send(new GetResourceShareInvitationsCommand({}));
    expect(first.resourceShareInvitations).toHaveLength(2);
    const second = await external
      .ram()
      .send(new GetResourceShareInvitationsCommand({ nextToken: first.nextToken }));
    expect(second.resourceShareInvitations).toHaveLength(1);
    await expectServiceError(
      external.ram().send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: ['nope'] })),
      'MalformedArnException',
    );
    await expectServiceError(
      external.ram().send(
        new GetResourceShareInvitationsCommand({
          resourceShareInvitationArns: [
            'arn:aws:ram:us-east-1:111122223333:resource-share-invitation/00000000-0000-4000-8000-000000000000',
          ],
        }),
      ),
      'ResourceShareInvitationArnNotFoundException',
    );
    await expectServiceError(
      external.ram().send(new GetResourceShareInvitationsCommand({ nextToken: 'garbage' })),
      'InvalidNextTokenException',
    );
  });
});
