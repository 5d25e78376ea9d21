/**
 * Acceptance (issue 8, 3): a StudioDomain through the CLI. It is created; each mutable field
 * (subnets, network access, execution role, security groups, tags) is updated in place, keeping
 * the domain's id, and the next plan is a no-op; a change to an immutable field (auth mode, VPC,
 * KMS key) plans a replace, which `apply` refuses with exit 3 (nothing touched) unless given
 * `--allow-replace`, and then carries out (a new domain with the new value).
 */
import {
  DescribeDomainCommand,
  ListDomainsCommand,
  ListTagsCommand,
  type DescribeDomainCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, manifestDir, startFastEmulator } from './support.js';

const KMS_A = `arn:aws:kms:us-east-1:${HOME}:key/11111111-1111-4111-8111-111111111111`;
const KMS_B = `arn:aws:kms:us-east-1:${HOME}:key/22222222-2222-4222-8222-222222222222`;

interface Studio {
  authMode: string;
  vpcId: string;
  subnets: string[];
  access: string;
  kms: string;
  role: string;
  groups: string[];
  tags: Record<string, string>;
}

const INITIAL: Studio = {
  authMode: 'IAM',
  vpcId: 'vpc-0a1b2c',
  subnets: ['subnet-1', 'subnet-2'],
  access: 'VpcOnly',
  kms: KMS_A,
  role: `arn:aws:iam::${HOME}:role/FinanceStudioExecution`,
  groups: ['sg-0001'],
  tags: { 'cost-center': 'finance', owner: 'ml-platform' },
};

function manifest(s: Studio): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: finance-studio }
spec:
  region: us-east-1
  authMode: ${s.authMode}
  vpcId: ${s.vpcId}
  subnetIds: [${s.subnets.join(', ')}]
  appNetworkAccessType: ${s.access}
  kmsKeyId: ${s.kms}
  defaultUserSettings:
    executionRole: ${s.role}
    securityGroups: [${s.groups.join(', ')}]
  tags: { ${Object.entries(s.tags)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }
`;
}

interface JsonPlan {
  changes: { action: string; address: { kind: string }; fields: { path: string }[]; forcedBy?: string[] }[];
}

describe('StudioDomain through the CLI', () => {
  let emu: TestEmulator;

  /** The live domain named finance-studio, with its tags (system tags left out). */
  async function live(): Promise<{ domain: DescribeDomainCommandOutput; tags: Record<string, string> }> {
    const sm = emu.sageMaker();
    try {
      const listed = (await sm.send(new ListDomainsCommand({}))).Domains ?? [];
      const mine = listed.filter((d) => d.DomainName === 'finance-studio');
      expect(mine).toHaveLength(1);
      const domain = await sm.send(new DescribeDomainCommand({ DomainId: mine[0]?.DomainId }));
      const tags = (await sm.send(new ListTagsCommand({ ResourceArn: domain.DomainArn }))).Tags ?? [];
      // The tool's ownership tag is on every domain it created, and is not the user's.
      expect(tags).toContainEqual({ Key: 'smus-gitops:managed', Value: 'true' });
      return {
        domain,
        tags: Object.fromEntries(
          tags
            .filter((t) => !/^(sagemaker|smus-gitops):/.test(t.Key ?? ''))
            .map((t) => [t.Key ?? '', t.Value ?? '']),
        ),
      };
    } finally {
      sm.destroy();
    }
  }

  async function plan(s: Studio): Promise<JsonPlan['changes']> {
    const run = await cli(emu, ['plan', manifestDir({ 'studio.yaml': manifest(s) }), '--format', 'json']);
    expect(run.exitCode).toBe(0);
    return (JSON.parse(run.stdout) as JsonPlan).changes.filter((c) => c.action !== 'noop');
  }

  async function apply(s: Studio, ...flags: string[]) {
    return cli(emu, ['apply', manifestDir({ 'studio.yaml': manifest(s) }), '--auto-approve', ...flags]);
  }

  beforeAll(async () => {
    emu = await startFastEmulator();
  });
  afterAll(() => emu.close());

  it('creates the domain, then plans no changes', async () => {
    expect((await plan(INITIAL)).map((c) => c.action)).toEqual(['create']);
    const run = await apply(INITIAL);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const { domain, tags } = await live();
    expect(domain).toMatchObject({
      AuthMode: 'IAM',
      VpcId: INITIAL.vpcId,
      SubnetIds: INITIAL.subnets,
      AppNetworkAccessType: 'VpcOnly',
      KmsKeyId: KMS_A,
      DefaultUserSettings: { ExecutionRole: INITIAL.role, SecurityGroups: INITIAL.groups },
    });
    expect(tags).toEqual(INITIAL.tags);
    expect(await plan(INITIAL)).toEqual([]);
  });

  /** Cumulative: each row keeps the earlier changes. [field, change, diff path, live value, wanted value]. */
  const updates: [
    string,
    Partial<Studio>,
    string,
    (d: DescribeDomainCommandOutput, t: Record<string, string>) => unknown,
    (s: Studio) => unknown,
  ][] = [
    [
      'subnetIds',
      { subnets: ['subnet-1', 'subnet-3'] },
      '/subnetIds',
      (d) => [...(d.SubnetIds ?? [])].sort(),
      (s) => [...s.subnets].sort(),
    ],
    [
      'appNetworkAccessType',
      { subnets: ['subnet-1', 'subnet-3'], access: 'PublicInternetOnly' },
      '/appNetworkAccessType',
      (d) => d.AppNetworkAccessType,
      (s) => s.access,
    ],
    [
      'defaultUserSettings.executionRole',
      {
        subnets: ['subnet-1', 'subnet-3'],
        access: 'PublicInternetOnly',
        role: `arn:aws:iam::${HOME}:role/Other`,
      },
      '/defaultUserSettings/executionRole',
      (d) => d.DefaultUserSettings?.ExecutionRole,
      (s) => s.role,
    ],
    [
      'defaultUserSettings.securityGroups',
      {
        subnets: ['subnet-1', 'subnet-3'],
        access: 'PublicInternetOnly',
        role: `arn:aws:iam::${HOME}:role/Other`,
        groups: ['sg-0001', 'sg-0002'],
      },
      '/defaultUserSettings/securityGroups',
      (d) => [...(d.DefaultUserSettings?.SecurityGroups ?? [])].sort(),
      (s) => [...s.groups].sort(),
    ],
    [
      'tags',
      {
        subnets: ['subnet-1', 'subnet-3'],
        access: 'PublicInternetOnly',
        role: `arn:aws:iam::${HOME}:role/Other`,
        groups: ['sg-0001', 'sg-0002'],
        tags: { 'cost-center': 'finance-ml', team: 'quants' },
      },
      '/tags',
      (_d, t) => t,
      (s) => s.tags,
    ],
  ];

  it.each(updates)('updates %s in place, keeping the domain', async (_field, change, path, read, want) => {
    const before = (await live()).domain.DomainId;
    const desired = { ...INITIAL, ...change };
    const planned = await plan(desired);
    expect(planned.map((c) => c.action)).toEqual(['update']);
    expect(planned[0]?.fields.every((f) => f.path.startsWith(path))).toBe(true);
    const run = await apply(desired);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const after = await live();
    expect(after.domain.DomainId).toBe(before);
    expect(read(after.domain, after.tags)).toEqual(want(desired));
    expect(await plan(desired)).toEqual([]);
  });

  it.each([
    ['authMode', { authMode: 'SSO' }, '/authMode'],
    ['vpcId', { vpcId: 'vpc-0d0e0f' }, '/vpcId'],
    ['kmsKeyId', { kms: KMS_B }, '/kmsKeyId'],
  ] as const)('plans a replace for a change of %s', async (_field, change, path) => {
    const current = { ...INITIAL, ...updates[updates.length - 1]?.[1] };
    const planned = await plan({ ...current, ...change });
    expect(planned.map((c) => [c.action, c.forcedBy])).toEqual([['replace', [path]]]);
  });

  it('refuses the replace without --allow-replace (exit 3, nothing touched), carries it out with it', async () => {
    const current = { ...INITIAL, ...updates[updates.length - 1]?.[1] };
    const desired = { ...current, kms: KMS_B };
    const before = (await live()).domain.DomainId;
    emu.emulator.control.resetStats();
    const refused = await apply(desired);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('--allow-replace');
    expect(emu.emulator.control.stats().mutating).toBe(0);
    expect((await live()).domain.DomainId).toBe(before);

    const replaced = await apply(desired, '--allow-replace');
    expect(replaced.stderr).toBe('');
    expect(replaced.exitCode).toBe(0);
    const after = await live();
    expect(after.domain.DomainId).not.toBe(before);
    expect(after.domain.KmsKeyId).toBe(KMS_B);
    expect(await plan(desired)).toEqual([]);
  });
});
