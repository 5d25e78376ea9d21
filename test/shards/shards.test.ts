/**
 * How `shards` groups an organisation, and how `plan-combine` refuses input it cannot join:
 * domains of one account and region share a shard, a bucket two shards still share is warned
 * about (they run with different credentials, so they cannot merge), shard names stay unique,
 * and bad plans or matrices are clear errors, not stack traces.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const domain = (name: string, account: string, region: string) => `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: ${name}
spec:
  region: ${region}
  account: "${account}"
  executionRole: arn:aws:iam::${account}:role/service-role/AmazonSageMakerDomainExecution
`;

const association = (domainName: string, account: string) => `apiVersion: smus-gitops/v1alpha1
kind: AccountAssociation
metadata:
  name: "${account}"
  domain: ${domainName}
spec:
  access: api
  assumeRoleArn: arn:aws:iam::${account}:role/SmusGitOpsDeployer
`;

const folder = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'smus-shards-unit-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('shards', () => {
  it('puts domains of one account and region in one shard, and keeps names unique', async () => {
    const dir = folder({
      'a.yaml': domain('alpha', '111111111111', 'us-east-1'),
      'b.yaml': domain('beta', '111111111111', 'us-east-1'),
      'c.yaml': domain('studio', '111111111111', 'eu-west-1'),
    });
    const run = await runCli(['shards', dir, '--format', 'github-matrix']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      include: [
        {
          name: 'alpha+beta',
          args: '--domain alpha --domain beta',
          lines: '--domain\nalpha\n--domain\nbeta',
          account: '111111111111',
          region: 'us-east-1',
        },
        {
          name: 'studio',
          args: '--domain studio',
          lines: '--domain\nstudio',
          account: '111111111111',
          region: 'eu-west-1',
        },
        { name: 'studio+sagemaker', args: '--studio', lines: '--studio', account: '', region: '' },
      ],
    });
  });

  it('warns of a bucket two shards still share (one associated account, two domain accounts)', async () => {
    const dir = folder({
      'a.yaml': `${domain('alpha', '111111111111', 'us-east-1')}---\n${association('alpha', '333333333333')}`,
      'b.yaml': `${domain('beta', '222222222222', 'us-east-1')}---\n${association('beta', '333333333333')}`,
    });
    const matrix = await runCli(['shards', dir, '--format', 'github-matrix']);
    expect(matrix.exitCode).toBe(0);
    expect(matrix.stderr).toBe(
      'smus-gitops: warning: shards alpha, beta all call datazone 333333333333 us-east-1\n',
    );
    const text = await runCli(['shards', dir]);
    expect(text.stdout).toContain(
      'warning: shards alpha, beta all call datazone 333333333333 us-east-1 (they run with different credentials, so they cannot be one shard)',
    );
  });

  it('gives no matrix for manifests that do not validate', async () => {
    const dir = folder({
      'a.yaml': 'apiVersion: smus-gitops/v1alpha1\nkind: Domain\nmetadata:\n  name: x\nspec: {}\n',
    });
    const run = await runCli(['shards', dir, '--format', 'github-matrix']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('a.yaml');
  });

  it('refuses an unknown domain among several --domain', async () => {
    const dir = folder({ 'a.yaml': domain('alpha', '111111111111', 'us-east-1') });
    const run = await runCli(['plan', dir, '--local', '--domain', 'alpha', '--domain', 'gamma'], {
      cwd: dir,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('smus-gitops: --domain gamma: no Domain manifest has that name\n');
  });
});

describe('plan-combine', () => {
  it('says which file is not a saved plan', async () => {
    const dir = folder({ 'smus-plan-a.json': '{"formatVersion": 2}', 'smus-plan-b.json': 'not json' });
    const run = await runCli(['plan-combine', join(dir, 'smus-plan-a.json')]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `smus-gitops: plan-combine: ${join(dir, 'smus-plan-a.json')}: not a saved plan of \`plan --out\` (formatVersion 1)\n`,
    );
    const bad = await runCli(['plan-combine', join(dir, 'smus-plan-b.json')]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain(`${join(dir, 'smus-plan-b.json')}: not JSON`);
  });

  it('refuses a folder without plans and a matrix that is not one', async () => {
    const empty = folder({});
    const none = await runCli(['plan-combine', empty]);
    expect(none.stderr).toBe('smus-gitops: plan-combine: no saved plan (*.json) was found\n');
    const plan = folder({
      'smus-plan-a.json': JSON.stringify({
        formatVersion: 1,
        summary: { create: 0, update: 0, replace: 0, delete: 0, noop: 0, unmanaged: 0 },
        changes: [],
        refused: [],
        notes: [],
        fingerprint: 'sha256:00',
      }),
    });
    const matrix = await runCli(['plan-combine', plan, '--matrix', '{"rows": []}']);
    expect(matrix.exitCode).toBe(1);
    expect(matrix.stderr).toBe(
      'smus-gitops: plan-combine: --matrix: no {"include":[{"name":...}]} (give the output of `shards --format github-matrix`)\n',
    );
    const ok = await runCli(['plan-combine', plan, '--matrix', '{"include":[{"name":"a"}]}']);
    expect(ok.stderr).toBe('');
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('No changes');
  });
});
