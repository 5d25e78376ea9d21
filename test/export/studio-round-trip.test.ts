/**
 * `export --studio-domains` round trip: the Studio domains of the caller's account and region are
 * written as StudioDomain manifests that validate and that `plan` finds in sync. A domain made
 * outside the tool is exported with a comment saying the first apply adopts it, and the plan says
 * so (adoption is never silent); after that apply the plan has no changes. A failed read writes
 * nothing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateDomainCommand } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, manifestDir, startFastEmulator } from '../multi-account/support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const KMS = `arn:aws:kms:us-east-1:${HOME}:key/11111111-1111-4111-8111-111111111111`;

const DECLARED = `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: finance-studio }
spec:
  region: us-east-1
  authMode: IAM
  vpcId: vpc-0a1b2c
  subnetIds: [subnet-2, subnet-1]
  appNetworkAccessType: VpcOnly
  kmsKeyId: ${KMS}
  defaultUserSettings:
    executionRole: arn:aws:iam::${HOME}:role/FinanceStudioExecution
    securityGroups: [sg-0002, sg-0001]
  tags: { owner: ml-platform, cost-center: finance }
---
apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: research-studio }
spec:
  region: us-east-1
  authMode: SSO
  vpcId: vpc-0d0e0f
  subnetIds: [subnet-9]
  defaultUserSettings:
    executionRole: arn:aws:iam::${HOME}:role/ResearchStudioExecution
`;

describe('export --studio-domains', () => {
  let emu: TestEmulator;
  const outDir = () => join(mkdtempSync(join(tmpdir(), 'smus-export-studio-')), 'out');

  async function exportTo(out: string) {
    return cli(emu, ['export', '--studio-domains', '--out', out, '--region', 'us-east-1']);
  }

  beforeAll(async () => {
    emu = await startFastEmulator();
    const applied = await cli(emu, ['apply', manifestDir({ 'studio.yaml': DECLARED }), '--auto-approve']);
    expect(applied.exitCode).toBe(0);
  });
  afterAll(() => emu.close());

  it('writes manifests that validate and plan no changes', async () => {
    const out = outDir();
    const run = await exportTo(out);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Exported 2 manifests of Studio domains (us-east-1)');
    expect(readdirSync(out)).toEqual(['studio-domains.yaml']);
    expect((await cli(emu, ['validate', out])).exitCode).toBe(0);
    const plan = await cli(emu, ['plan', out, '--detailed-exitcode']);
    expect(plan.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(plan.exitCode).toBe(0);
  });

  it('exports a console-made domain adopted in the manifest (lifecycle.adopt): no changes; without it, plan adopts', async () => {
    const sm = emu.sageMaker();
    await sm.send(
      new CreateDomainCommand({
        DomainName: 'console-studio',
        AuthMode: 'IAM',
        VpcId: 'vpc-0c0c',
        SubnetIds: ['subnet-c'],
        DefaultUserSettings: { ExecutionRole: `arn:aws:iam::${HOME}:role/ConsoleExecution` },
      }),
    );
    sm.destroy();
    const out = outDir();
    expect((await exportTo(out)).exitCode).toBe(0);
    const text = readFileSync(join(out, 'studio-domains.yaml'), 'utf8');
    expect(text).toContain('# Not created by smus-gitops (no smus-gitops:managed tag)');
    expect(text).toMatch(/name: console-studio\nlifecycle:\n {2}adopt: true\n/);
    const declared = await cli(emu, ['plan', out, '--detailed-exitcode']);
    expect(declared.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(declared.exitCode).toBe(0);
    // The same manifest without the declaration: the plan adopts it with a line that says so.
    writeFileSync(join(out, 'studio-domains.yaml'), text.replace('lifecycle:\n  adopt: true\n', ''));
    const plan = await cli(emu, ['plan', out, '--format', 'json', '--detailed-exitcode']);
    const changes = (JSON.parse(plan.stdout) as { changes: { action: string; reason: string }[] }).changes;
    expect(changes.map((c) => `${c.action}/${c.reason}`)).toEqual([
      'update/adopt',
      'noop/in-sync',
      'noop/in-sync',
    ]);
    expect(plan.exitCode).toBe(2);
    expect((await cli(emu, ['apply', out, '--auto-approve'])).exitCode).toBe(0);
    const again = await cli(emu, ['plan', out, '--detailed-exitcode']);
    expect(again.stdout).toBe('No changes. Live state matches the manifests.\n');
  });

  it('writes nothing when the Studio domains cannot be read completely', async () => {
    emu.emulator.control.setFaults([{ operation: 'ListTags', service: 'sagemaker', error500Pct: 100 }]);
    try {
      const out = outDir();
      const run = await exportTo(out);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('export of Studio domains failed');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    } finally {
      emu.emulator.control.clearFaults();
    }
  });
});
