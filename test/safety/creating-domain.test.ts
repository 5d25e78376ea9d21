/**
 * Issue 19 item 7: a re-apply right after a crash during domain creation (the domain is still
 * CREATING) waits for it instead of failing its contents on "CREATING, not AVAILABLE". The plan
 * shows the domain's status as a change, never "No changes" over a domain not yet available.
 */
import { CreateDomainCommand } from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { startTestEmulator, CLI_ENV, INSTANT_DURATIONS } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

describe('a domain left CREATING by a crashed apply', () => {
  it('is planned as CREATING -> AVAILABLE, and the next apply waits for it and converges', async () => {
    const emu = await startTestEmulator({
      behaviour: {
        durations: { ...INSTANT_DURATIONS, domainCreate: 6000 },
        externalAccountIds: ['777788889999'],
      },
    });
    const cli = (args: string[]) => runCli([...args, '--endpoint-url', emu.endpoint], { env: CLI_ENV });
    try {
      // What the crashed apply left: CreateDomain answered, then the process died.
      await emu.dataZone().send(
        new CreateDomainCommand({
          name: 'corp-data',
          description: 'Enterprise data and ML governance',
          singleSignOn: {
            type: 'IAM_IDC',
            userAssignment: 'AUTOMATIC',
            idcInstanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
          },
          tags: { 'cost-center': 'data-platform', owner: 'platform-team' },
          domainExecutionRole: 'arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution',
          serviceRole: 'arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService',
          kmsKeyIdentifier: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          domainVersion: 'V2',
        }),
      );
      const planned = await cli(['plan', 'manifests-example', '--format', 'json']);
      expect(planned.exitCode, planned.stderr).toBe(0);
      const domain = (
        JSON.parse(planned.stdout) as {
          changes: { address: { kind: string }; action: string; fields: { path: string }[] }[];
        }
      ).changes.find((c) => c.address.kind === 'Domain');
      expect(domain?.action).toBe('update');
      // The crashed apply sent every field: only the status is not as declared.
      expect(domain?.fields).toEqual([{ path: '/status', before: 'CREATING', after: 'AVAILABLE' }]);
      const applied = await cli(['apply', 'manifests-example', '--auto-approve']);
      expect(applied.exitCode, applied.stdout + applied.stderr).toBe(0);
      const again = await cli(['plan', 'manifests-example', '--detailed-exitcode']);
      expect(again.exitCode, again.stdout).toBe(0);
      expect(again.stdout).toContain('No changes.');
    } finally {
      await emu.close();
    }
  });
});
