/**
 * Issue 19.3 through the CLI: with a reader role declared beside the deployer role, `plan` assumes
 * only the reader role in the associated account and `apply` the deployer role (what the emulator's
 * STS issued shows which role and session each run used).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StsState } from '../../src/emulator/services/sts.js';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, manifestDir, startFastEmulator } from '../multi-account/support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const HR = '444455556666';
const MANIFESTS = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: corp }
spec:
  region: us-east-1
  account: "${HOME}"
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService
  singleSignOn: { type: DISABLED }
---
apiVersion: smus-gitops/v1alpha1
kind: AccountAssociation
metadata: { name: "${HR}", domain: corp }
spec:
  access: api
  assumeRoleArn: arn:aws:iam::${HR}:role/SmusGitOpsDeployer
  readerRoleArn: arn:aws:iam::${HR}:role/SmusGitOpsReader
  externalId: corp-ext-1
---
apiVersion: smus-gitops/v1alpha1
kind: BlueprintConfiguration
metadata: { name: Tooling, domain: corp }
spec:
  account: "${HR}"
  enabledRegions: [us-east-1]
  provisioningRole: arn:aws:iam::${HR}:role/AmazonSageMakerProvisioning-${HR}
  manageAccessRole: arn:aws:iam::${HR}:role/AmazonSageMakerManageAccess-${HR}
`;

describe('reader roles through the CLI', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startFastEmulator();
  });
  afterAll(() => emu.close());

  /** Roles assumed in the associated account by what `run` does. */
  async function rolesAssumedBy(run: () => Promise<unknown>): Promise<string[]> {
    const keys = () => (emu.emulator.world.services['sts'] as StsState).keys;
    const before = new Set(Object.keys(keys()));
    await run();
    return [
      ...new Set(
        Object.entries(keys())
          .filter(([id, key]) => !before.has(id) && key.accountId === HR)
          .map(([, key]) => key.roleArn),
      ),
    ].sort();
  }

  it('apply assumes the deployer role, plan only the reader role', async () => {
    const dir = manifestDir({ 'corp.yaml': MANIFESTS });
    const applied = await rolesAssumedBy(async () => {
      const run = await cli(emu, ['apply', '.', '--auto-approve'], dir);
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
    });
    expect(applied).toEqual([`arn:aws:iam::${HR}:role/SmusGitOpsDeployer`]);
    const planned = await rolesAssumedBy(async () => {
      const run = await cli(emu, ['plan', '.'], dir);
      expect(run.stdout).toContain('No changes');
    });
    expect(planned).toEqual([`arn:aws:iam::${HR}:role/SmusGitOpsReader`]);
  });
});
