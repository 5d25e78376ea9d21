/**
 * Behaviours the model leaves open, settled in docs/emulator/decisions.md (items 5, 8, 10):
 * a deleted domain leaves its RAM shares, single sign-on keeps its IdC instance across an update
 * and cannot be disabled once enabled, and a V2 project needs a project profile.
 */
import {
  CreateDomainCommand,
  CreateProjectCommand,
  DeleteDomainCommand,
  GetDomainCommand,
  UpdateDomainCommand,
} from '@aws-sdk/client-datazone';
import { GetResourceShareAssociationsCommand } from '@aws-sdk/client-ram';
import { describe, expect, it } from 'vitest';
import { associate, createDomain, dataZoneEmulator, EXECUTION_ROLE, expectError, OTHER } from './sdk.js';

const emu = dataZoneEmulator();
const IDC = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';

describe('DeleteDomain and RAM', () => {
  it('disassociates the domain from its shares, even with skipDeletionCheck', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await associate(emu, domain.arn ?? '', OTHER);
    const ram = emu.ram();
    const status = async () =>
      (
        await ram.send(
          new GetResourceShareAssociationsCommand({
            associationType: 'RESOURCE',
            resourceArn: domain.arn,
          }),
        )
      ).resourceShareAssociations?.map((a) => a.status);
    expect(await status()).toEqual(['ASSOCIATED']);
    await dz.send(new DeleteDomainCommand({ identifier: domain.id, skipDeletionCheck: true }));
    expect(await status()).toEqual(['DISASSOCIATED']);
  });
});

describe('UpdateDomain singleSignOn', () => {
  it('keeps idcInstanceArn when only type/userAssignment are sent, and refuses IAM_IDC → DISABLED', async () => {
    const dz = emu.dataZone();
    const created = await dz.send(
      new CreateDomainCommand({
        name: 'sso',
        domainExecutionRole: EXECUTION_ROLE,
        domainVersion: 'V2',
        singleSignOn: { type: 'IAM_IDC', userAssignment: 'AUTOMATIC', idcInstanceArn: IDC },
      }),
    );
    await dz.send(
      new UpdateDomainCommand({
        identifier: created.id,
        singleSignOn: { type: 'IAM_IDC', userAssignment: 'MANUAL' },
      }),
    );
    const got = await dz.send(new GetDomainCommand({ identifier: created.id }));
    expect(got.singleSignOn).toEqual({ type: 'IAM_IDC', userAssignment: 'MANUAL', idcInstanceArn: IDC });
    const error = await expectError(
      dz.send(new UpdateDomainCommand({ identifier: created.id, singleSignOn: { type: 'DISABLED' } })),
      'ValidationException',
    );
    expect(error.message).toMatch(/cannot be disabled/);
  });
});

describe('CreateProject in a V2 domain', () => {
  it('requires a project profile', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const error = await expectError(
      dz.send(new CreateProjectCommand({ domainIdentifier: domain.id, name: 'no-profile' })),
      'ValidationException',
    );
    expect(error.message).toMatch(/projectProfileId/);
  });
});
