/**
 * Issue 18 for the Studio kinds: a pull request editing one Studio user profile plans that profile
 * alone, reading its Studio domain and that profile (the domain's other users are only listed).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, run, startEmulatorWithUsers } from '../truthful/support.js';
import { counted, edit, repoWith, tally } from './support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const ROLE = `arn:aws:iam::${HOME}:role/StudioExecution`;
const STUDIO = (bobGroups = 'sg-0001') => `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: team-studio }
spec:
  region: us-east-1
  authMode: IAM
  vpcId: vpc-0a1b2c
  subnetIds: [subnet-1]
  defaultUserSettings:
    executionRole: ${ROLE}
---
apiVersion: smus-gitops/v1alpha1
kind: StudioUserProfile
metadata: { name: alice }
spec:
  domain: team-studio
---
apiVersion: smus-gitops/v1alpha1
kind: StudioUserProfile
metadata: { name: bob }
spec:
  domain: team-studio
  userSettings: { securityGroups: [${bobGroups}] }
`;

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startEmulatorWithUsers();
});
afterEach(() => emu.close());

it('one Studio user profile edited: only it is planned and described, no DataZone domain read', async () => {
  const dir = repoWith(STUDIO());
  const applied = await run(emu, dir, ['apply', '--auto-approve']);
  expect(applied.stderr).toBe('');
  expect(applied.exitCode).toBe(0);
  edit(dir, STUDIO('sg-0002'));
  const out = await counted(emu, dir, ['plan', '--changed-since', 'main', '--detailed-exitcode']);
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(2);
  expect(out.stdout).toBe(
    [
      'Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 unchanged, 0 unmanaged',
      'Scoped: 2 of 3 declared resources read (--changed-since main); unmanaged and prune not evaluated',
      '',
      '  ~ StudioUserProfile/bob (domain team-studio, region us-east-1)  id: bob',
      '      will be updated in place because live fields differ from the manifest',
      '      /userSettings/securityGroups: ["sg-0001"] → ["sg-0002"]',
      '',
    ].join('\n'),
  );
  // Alice is listed (ListUserProfiles) but not described; no DataZone domain is read at all.
  expect(tally(out.operations)).toEqual([
    'sagemaker.DescribeDomain ×1',
    'sagemaker.DescribeUserProfile ×1',
    'sagemaker.ListDomains ×1',
    'sagemaker.ListTags ×2',
    'sagemaker.ListUserProfiles ×1',
    'sts.GetCallerIdentity ×1',
  ]);
});
