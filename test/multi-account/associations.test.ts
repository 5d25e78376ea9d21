/**
 * Acceptance (issue 8, 2): with AccountAssociation pruned, removing an association's manifest
 * disassociates the account (its RAM association ends, and the account can no longer read the
 * domain); removing a protected one (`spec.reconcile.protect`) is refused with exit 3 and
 * nothing is touched.
 */
import { GetDomainCommand } from '@aws-sdk/client-datazone';
import { GetResourceShareAssociationsCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, domainId, manifestDir, startFastEmulator } from './support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const HR = '444455556666';
const DEV = '555566667777';

const DOMAIN = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: corp }
spec:
  region: us-east-1
  account: "${HOME}"
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService
  singleSignOn: { type: DISABLED }
  reconcile:
    prune: [AccountAssociation]
    protect: ["AccountAssociation/${HR}"]
`;

const association = (account: string) => `---
apiVersion: smus-gitops/v1alpha1
kind: AccountAssociation
metadata: { name: "${account}", domain: corp }
spec:
  access: api
  assumeRoleArn: arn:aws:iam::${account}:role/SmusGitOpsDeployer
`;

/** The RAM statuses of the account's associations with shares of the home account. */
async function statuses(emu: TestEmulator, account: string): Promise<string[]> {
  const ram = emu.ram();
  try {
    const out = await ram.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', principal: account }),
    );
    return (out.resourceShareAssociations ?? []).map((a) => a.status ?? '').sort();
  } finally {
    ram.destroy();
  }
}

/** Whether the account, with its own credentials, can read the domain. */
async function canReadDomain(emu: TestEmulator, account: string, domain: string): Promise<boolean> {
  const dz = (await emu.asAccount(account)).dataZone();
  try {
    await dz.send(new GetDomainCommand({ identifier: domain }));
    return true;
  } catch {
    return false;
  } finally {
    dz.destroy();
  }
}

describe('pruned account associations', () => {
  let emu: TestEmulator;
  let domain: string;

  beforeAll(async () => {
    emu = await startFastEmulator();
    const run = await cli(emu, [
      'apply',
      manifestDir({ 'corp.yaml': DOMAIN + association(HR) + association(DEV) }),
      '--auto-approve',
    ]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    domain = await domainId(emu, 'corp');
  });
  afterAll(() => emu.close());

  it('associated both accounts', async () => {
    expect(await statuses(emu, HR)).toEqual(['ASSOCIATED']);
    expect(await statuses(emu, DEV)).toEqual(['ASSOCIATED']);
    expect(await canReadDomain(emu, DEV, domain)).toBe(true);
  });

  it('disassociates an account whose manifest is removed', async () => {
    const dir = manifestDir({ 'corp.yaml': DOMAIN + association(HR) });
    const plan = await cli(emu, ['plan', dir, '--format', 'json']);
    expect(plan.exitCode).toBe(0);
    const changes = (JSON.parse(plan.stdout) as { changes: { action: string; address: { name: string } }[] })
      .changes;
    expect(changes.filter((c) => c.action !== 'noop')).toEqual([
      expect.objectContaining({ action: 'delete', address: expect.objectContaining({ name: DEV }) }),
    ]);
    const apply = await cli(emu, ['apply', dir, '--auto-approve']);
    expect(apply.stderr).toBe('');
    expect(apply.exitCode).toBe(0);
    expect(await statuses(emu, DEV)).not.toContain('ASSOCIATED');
    expect(await canReadDomain(emu, DEV, domain)).toBe(false);
    expect(await statuses(emu, HR)).toEqual(['ASSOCIATED']);
    const again = await cli(emu, ['plan', dir, '--detailed-exitcode']);
    expect(again.exitCode).toBe(0);
  });

  it('refuses to disassociate a protected account (exit 3), touching nothing', async () => {
    const dir = manifestDir({ 'corp.yaml': DOMAIN });
    const plan = await cli(emu, ['plan', dir, '--format', 'json']);
    expect(plan.exitCode).toBe(3);
    expect((JSON.parse(plan.stdout) as { refused: unknown[] }).refused).toEqual([
      expect.objectContaining({
        address: expect.objectContaining({ kind: 'AccountAssociation', name: HR }),
        reason: 'protected',
      }),
    ]);
    emu.emulator.control.resetStats();
    const apply = await cli(emu, ['apply', dir, '--auto-approve']);
    expect(apply.exitCode).toBe(3);
    expect(apply.stderr).toContain('refused');
    expect(emu.emulator.control.stats().mutating).toBe(0);
    expect(await statuses(emu, HR)).toEqual(['ASSOCIATED']);
  });
});
