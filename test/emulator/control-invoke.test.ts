/**
 * The control surface's in-process `invoke` (the benchmark's seeding seam) acts as the home account
 * unless given an access key the emulator's STS issued, and then as that key's assumed role in its
 * account — exactly who a request signed with the key would be; an unknown key acts as home, as
 * on the wire. Its input is validated against the model.
 */
import { describe, expect, it } from 'vitest';
import { EmulatorServiceError } from '../../src/emulator/types.js';
import { withEmulator } from '../helpers/emulator.js';

const emu = withEmulator();
const OTHER = '444455556666';

describe('control.invoke', () => {
  it('acts as home, or as the role an issued key assumed', async () => {
    const control = emu.emulator.control;
    const home = (await control.invoke('sts', 'GetCallerIdentity', {}, 'us-east-1')) as { Account: string };
    expect(home.Account).not.toBe(OTHER);
    const assumed = (await control.invoke(
      'sts',
      'AssumeRole',
      { RoleArn: `arn:aws:iam::${OTHER}:role/Deployer`, RoleSessionName: 'smus-gitops' },
      'us-east-1',
    )) as { Credentials: { AccessKeyId: string } };
    const key = assumed.Credentials.AccessKeyId;
    const asRole = (await control.invoke('sts', 'GetCallerIdentity', {}, 'us-east-1', key)) as {
      Account: string;
      Arn: string;
    };
    expect(asRole.Account).toBe(OTHER);
    expect(asRole.Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/Deployer/smus-gitops`);
    const unknown = (await control.invoke('sts', 'GetCallerIdentity', {}, 'us-east-1', 'AKIAUNKNOWN')) as {
      Account: string;
    };
    expect(unknown.Account).toBe(home.Account);
  });

  it('validates the input against the model', async () => {
    const error = await emu.emulator.control
      .invoke('sts', 'AssumeRole', { RoleSessionName: 'x' }, 'us-east-1')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(EmulatorServiceError);
    expect((error as EmulatorServiceError).code).toBe('ValidationException');
  });
});
