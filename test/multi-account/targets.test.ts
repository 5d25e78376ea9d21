/**
 * Plan-time target checks with live data, end to end through the CLI: a project whose profile
 * takes its accounts from a custom-handler pool (answered by ListAccountsInAccountPool) and whose
 * blueprint configuration exists only live (read with the associated account's assumed role) is
 * planned against what is live: a region the configuration does not enable, or an account and
 * region the Lambda does not offer, is refused (exit 3, nothing applied); a ready target applies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, configurationsAs, domainId, manifestDir, startFastEmulator } from './support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const HR = '444455556666';
const LAMBDA = `arn:aws:lambda:us-east-1:${HOME}:function:authorized-accounts`;

const header = (kind: string, name: string, domain = true) => `---
apiVersion: smus-gitops/v1alpha1
kind: ${kind}
metadata: { name: "${name}"${domain ? ', domain: sales' : ''} }
`;

const BASE = {
  'domain.yaml': `${header('Domain', 'sales', false)}spec:
  region: us-east-1
  account: "${HOME}"
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService
  singleSignOn: { type: DISABLED }
${header('AccountAssociation', HR)}spec:
  access: portal
  assumeRoleArn: arn:aws:iam::${HR}:role/SmusGitOpsDeployer
${header('AccountPool', 'authorized')}spec:
  customHandler: { lambdaFunctionArn: "${LAMBDA}" }
${header('ProjectProfile', 'Analyst')}spec:
  status: ENABLED
  environments:
    - { name: Tooling, blueprint: Tooling, target: { accountPools: [authorized] } }
`,
};

const CONFIGURATION = `${header('BlueprintConfiguration', 'Tooling')}spec:
  account: "${HR}"
  enabledRegions: [us-east-1]
  provisioningRole: arn:aws:iam::${HR}:role/Provisioning
`;

const project = (region: string) => ({
  'project.yaml': `${header('Project', 'analytics')}spec:
  profile: Analyst
  target: { account: "${HR}", region: ${region} }
`,
});

describe('plan-time target checks against live state', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startFastEmulator();
    const base = await cli(emu, [
      'apply',
      manifestDir({ ...BASE, 'bp.yaml': CONFIGURATION }),
      '--auto-approve',
    ]);
    expect(base.stderr).toBe('');
    expect(base.exitCode).toBe(0);
    await emu.emulator.control.serviceControl('datazone', 'lambda-accounts', {
      lambdaFunctionArn: LAMBDA,
      accounts: [{ awsAccountId: HR, supportedRegions: ['us-east-1', 'eu-west-1'] }],
    });
  });
  afterAll(() => emu.close());

  it('has the configuration only live, in the HR account', async () => {
    expect(await configurationsAs(emu, HR, await domainId(emu, 'sales'))).toEqual({ Tooling: ['us-east-1'] });
  });

  it('refuses a region the live configuration does not enable (exit 3, nothing applied)', async () => {
    const dir = manifestDir({ ...BASE, ...project('eu-west-1') });
    const plan = await cli(emu, ['plan', dir, '--format', 'json']);
    expect(plan.exitCode).toBe(3);
    const refused = (JSON.parse(plan.stdout) as { refused: { reason: string; detail: string }[] }).refused;
    expect(refused).toEqual([
      {
        address: { kind: 'Project', domain: 'sales', name: 'analytics' },
        reason: 'target-not-ready',
        detail: `Project/analytics environment "Tooling" (blueprint Tooling, account ${HR}, region eu-west-1): blueprint Tooling is not enabled in account ${HR} region eu-west-1 (live enabledRegions: us-east-1)`,
      },
    ]);
    emu.emulator.control.resetStats();
    const apply = await cli(emu, ['apply', dir, '--auto-approve']);
    expect(apply.exitCode).toBe(3);
    expect(emu.emulator.control.stats().mutating).toBe(0);
  });

  it('refuses an account and region the pool Lambda does not offer', async () => {
    const plan = await cli(emu, ['plan', manifestDir({ ...BASE, ...project('ap-southeast-2') })]);
    expect(plan.exitCode).toBe(3);
    expect(plan.stdout).toContain(
      `account ${HR} in ap-southeast-2 is not offered by its account pools (authorized)`,
    );
  });

  it('applies a project whose target is ready, then plans no changes', async () => {
    const dir = manifestDir({ ...BASE, ...project('us-east-1') });
    const plan = await cli(emu, ['plan', dir, '--detailed-exitcode']);
    expect(plan.exitCode).toBe(2);
    const apply = await cli(emu, ['apply', dir, '--auto-approve']);
    expect(apply.stderr).toBe('');
    expect(apply.exitCode).toBe(0);
    const again = await cli(emu, ['plan', dir, '--detailed-exitcode']);
    expect(again.exitCode).toBe(0);
  });
});
