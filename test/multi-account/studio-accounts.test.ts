/**
 * Acceptance (issue 13, finding 5): Studio domains of several accounts from one repository. The
 * seed platform declares a Studio domain of one name in each of dev, staging and prod: dev and
 * staging reached through the StudioDomain's own `assumeRoleArn`, prod through the role of its
 * AccountAssociation. One apply creates each in its own account (and nowhere else); the next plan
 * has no changes. An account that cannot be reached (no role), or a role whose credentials are of
 * another account, is refused before anything is planned, with a located SG330 error, and nothing
 * is created. Removing one account's manifest leaves that domain unmanaged under its account's
 * address; a prune scope for the account plans its delete.
 */
import { ListDomainsCommand, ListTagsCommand } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOperation } from '../../src/iam/operations.js';
import { allowedActions, buildToolPolicy } from '../../src/iam/tool-policy.js';
import type { TestEmulator } from '../helpers/emulator.js';
import { withPlaceholders } from '../plan/scenarios/harness.js';
import { HOME, cli, manifestDir, startFastEmulator } from './support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const DEV = '222233334444';
const STAGING = '333344445555';
const PROD = '444455556666';
const role = (account: string) => `arn:aws:iam::${account}:role/SmusGitOpsDeployer`;

const DOMAIN = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: corp }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService
---
apiVersion: smus-gitops/v1alpha1
kind: AccountAssociation
metadata: { name: "${PROD}", domain: corp }
spec:
  accountName: prod
  access: portal
  assumeRoleArn: ${role(PROD)}
`;

/** The `ml-platform` Studio domain of `account`, with `roleArn` as its spec.assumeRoleArn when given. */
function studio(account: string, roleArn?: string): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: ml-platform }
spec:
  region: us-east-1
  account: "${account}"
${roleArn ? `  assumeRoleArn: ${roleArn}\n` : ''}  authMode: IAM
  vpcId: vpc-0${account.slice(0, 6)}
  subnetIds: [subnet-0${account.slice(0, 6)}]
  appNetworkAccessType: VpcOnly
  defaultUserSettings:
    executionRole: arn:aws:iam::${account}:role/MlPlatformExecution
    securityGroups: [sg-0${account.slice(0, 6)}]
  tags: { stage: s${account.slice(0, 4)} }
`;
}

const SEED = {
  'domain.yaml': DOMAIN,
  'studio-dev.yaml': studio(DEV, role(DEV)),
  'studio-staging.yaml': studio(STAGING, role(STAGING)),
  'studio-prod.yaml': studio(PROD),
};

describe('Studio domains in dev, staging and prod from one repository', () => {
  let emu: TestEmulator;

  /** `name (tool tag)` of every Studio domain `account` sees. */
  async function domainsOf(account: string): Promise<string[]> {
    const factories = account === HOME ? emu : await emu.asAccount(account);
    const sm = factories.sageMaker();
    try {
      const out: string[] = [];
      for (const d of (await sm.send(new ListDomainsCommand({}))).Domains ?? []) {
        const tags = (await sm.send(new ListTagsCommand({ ResourceArn: d.DomainArn }))).Tags ?? [];
        const managed = tags.some((t) => t.Key === 'smus-gitops:managed');
        out.push(`${d.DomainName ?? ''}${managed ? ' (managed)' : ''}`);
      }
      return out.sort();
    } finally {
      sm.destroy();
    }
  }

  async function planJson(files: Record<string, string>) {
    const run = await cli(emu, ['plan', manifestDir(files), '--format', 'json', '--detailed-exitcode']);
    return { ...run, stdout: run.stdout ? withPlaceholders(run.stdout) : '' };
  }

  beforeAll(async () => {
    emu = await startFastEmulator();
  });
  afterAll(() => emu.close());

  it('refuses an account it cannot reach (no role): located SG330, nothing created', async () => {
    emu.emulator.control.resetStats();
    const dir = manifestDir({ 'studio-dev.yaml': studio(DEV) });
    const run = await cli(emu, ['apply', dir, '--auto-approve']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `${dir}/studio-dev.yaml:6:12  error  SG330  StudioDomain ml-platform declares account ${DEV}, but the credentials are of account ${HOME} and no role to assume there (set an AccountAssociation assumeRoleArn to a role in ${DEV}); refusing to act\n`,
    );
    expect(emu.emulator.control.stats().mutating).toBe(0);
  });

  it('refuses a role whose credentials are of another account: located SG330, nothing created', async () => {
    emu.emulator.control.resetStats();
    const dir = manifestDir({ 'studio-dev.yaml': studio(DEV, role(STAGING)) });
    const run = await cli(emu, ['plan', dir]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `${dir}/studio-dev.yaml:6:12  error  SG330  StudioDomain ml-platform declares account ${DEV}, but the credentials are of account ${HOME} and the role ${role(STAGING)} gives credentials of account ${STAGING} (set spec.assumeRoleArn to a role in ${DEV}); refusing to act\n`,
    );
    expect(emu.emulator.control.stats().mutating).toBe(0);
  });

  it("refuses one domain declared twice, with and without the caller's account: located SG300", async () => {
    emu.emulator.control.resetStats();
    const dir = manifestDir({
      'a.yaml': studio(HOME),
      'b.yaml': studio(HOME).replace(`  account: "${HOME}"\n`, ''),
    });
    const run = await cli(emu, ['plan', dir]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `${dir}/b.yaml:3:19  error  SG300  StudioDomain ml-platform (region us-east-1) is declared twice: account ${HOME} is the caller's, the default (first in ${dir}/a.yaml)\n`,
    );
    expect(emu.emulator.control.stats().mutating).toBe(0);
  });

  it('plans one create per account, addressed by account (golden JSON)', async () => {
    const run = await planJson(SEED);
    expect(run.stderr).toBe('');
    await expect(run.stdout).toMatchFileSnapshot('__golden__/studio-three-accounts.json');
    expect(run.exitCode).toBe(2);
  });

  it('one apply creates each in its own account and nowhere else; the next plan has no changes', async () => {
    emu.emulator.control.resetStats();
    const run = await cli(emu, ['apply', manifestDir(SEED), '--auto-approve']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    // Every call it sent (AssumeRole, ListDomains, CreateDomain with the ownership tag, ...) is in
    // the tool's policy, as the deployer roles of the Studio accounts need it too (docs/iam.md).
    const allowed = allowedActions(buildToolPolicy('apply', { account: '*', domainAccount: '*' }));
    const missing = Object.keys(emu.emulator.control.stats().operations).flatMap((key) => {
      const [service = '', operation = ''] = key.split('.');
      const row = findOperation(service, operation);
      return row ? row.actions.filter((a) => !allowed.has(a)) : [key];
    });
    expect(missing).toEqual([]);
    for (const account of [DEV, STAGING, PROD])
      expect(await domainsOf(account)).toEqual(['ml-platform (managed)']);
    expect(await domainsOf(HOME)).toEqual([]);
    const again = await cli(emu, ['plan', manifestDir(SEED), '--detailed-exitcode']);
    expect(again.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(again.exitCode).toBe(0);
  });

  it("a removed account's manifest leaves its domain unmanaged; its prune scope plans the delete", async () => {
    const { 'studio-staging.yaml': _staging, ...rest } = SEED;
    const unmanaged = await planJson(rest);
    // Staging is no longer declared anywhere, so nothing says where to look: nothing is read there.
    expect(JSON.parse(unmanaged.stdout).summary).toMatchObject({ unmanaged: 0, delete: 0 });
    const scoped = {
      ...rest,
      'policy.yaml': `apiVersion: smus-gitops/v1alpha1
kind: Policy
metadata: { name: studio-ownership }
spec:
  reconcile:
    studioDomains:
      prune: [{ account: "${STAGING}", region: us-east-1, assumeRoleArn: ${role(STAGING)} }]
      maxDeletes: 1
`,
    };
    const pruned = await planJson(scoped);
    expect(pruned.stderr).toBe('');
    await expect(pruned.stdout).toMatchFileSnapshot('__golden__/studio-prune-staging.json');
    expect(pruned.exitCode).toBe(2);

    const applied = await cli(emu, ['apply', manifestDir(scoped), '--auto-approve']);
    expect(applied.stderr).toBe('');
    expect(applied.exitCode).toBe(0);
    expect(await domainsOf(STAGING)).toEqual([]);
    expect(await domainsOf(DEV)).toEqual(['ml-platform (managed)']);
    const again = await cli(emu, ['plan', manifestDir(scoped), '--detailed-exitcode']);
    expect(again.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(again.exitCode).toBe(0);
  });
});
