/**
 * Acceptance (5): `iam-policy --studio-domain finance-studio` against live Studio domains (the
 * example's two, applied to the emulator) names the domain's live ARN in the tag conditions, is
 * valid IAM JSON with real condition keys, and carries the VpcOnly preventive denies; the flag
 * repeats; an unknown name is a user error; a public-only set of domains gets no VPC denies.
 */
import { ListDomainsCommand } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument, PolicyStatement } from '../../src/iam/policy-document.js';
import { buildStudioIsolationPolicy, VPC_BOUND_CREATES } from '../../src/iam/studio-isolation.js';
import { applyManifests, expectAllDone } from '../helpers/apply.js';
import { runCli } from '../helpers/cli.js';
import { HOME_CREDENTIALS, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { policyProblems } from './policy-shape.js';

const ENV = {
  AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
};
const FINANCE_SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];

let emu: TestEmulator;
/** Live ARN and id by domain name, read by the test itself. */
const live = new Map<string, { arn: string; id: string }>();

beforeAll(async () => {
  emu = await startTestEmulator({ behaviour: { durations: { studioCreate: 0 } } });
  const run = await applyManifests({ paths: ['manifests-example/studio'] }, emu.endpoint);
  expectAllDone(run);
  run.clients.destroy();
  const sm = emu.sageMaker();
  for (const d of (await sm.send(new ListDomainsCommand({}))).Domains ?? [])
    live.set(d.DomainName ?? '', { arn: d.DomainArn ?? '', id: d.DomainId ?? '' });
  sm.destroy();
}, 30_000);

afterAll(async () => {
  await emu?.close();
});

async function isolation(...names: string[]) {
  return runCli(['iam-policy', '--studio-domain', ...names, '--endpoint-url', emu.endpoint], { env: ENV });
}

function statement(policy: PolicyDocument, sid: string): PolicyStatement {
  const found = policy.Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}

describe('iam-policy --studio-domain', () => {
  it('names the live ARN of finance-studio in valid IAM JSON with the VpcOnly denies', async () => {
    const run = await isolation('finance-studio');
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const parsed: unknown = JSON.parse(run.stdout);
    expect(policyProblems(parsed)).toEqual([]);
    const policy = parsed as PolicyDocument;
    const { arn, id } = live.get('finance-studio') ?? { arn: '', id: '' };
    expect(arn).toMatch(/^arn:aws:sagemaker:us-east-1:111122223333:domain\/d-/);

    expect(statement(policy, 'DescribeOwnDomain').Resource).toEqual([arn]);
    expect(statement(policy, 'OpenOwnDomain').Resource).toEqual([
      `arn:aws:sagemaker:us-east-1:111122223333:user-profile/${id}/*`,
      `arn:aws:sagemaker:us-east-1:111122223333:app/${id}/*`,
      `arn:aws:sagemaker:us-east-1:111122223333:space/${id}/*`,
    ]);
    expect(statement(policy, 'OpenOwnDomain').Action).toContain('sagemaker:CreatePresignedDomainUrl');
    expect(statement(policy, 'CreateOnlyWithDomainTag').Condition).toEqual({
      StringEquals: { 'aws:RequestTag/sagemaker:domain-arn': [arn] },
    });
    expect(statement(policy, 'UseOnlyResourcesOfDomain').Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/sagemaker:domain-arn': [arn] },
    });

    const denies = policy.Statement.filter((s) => s.Effect === 'Deny');
    expect(denies.map((s) => s.Condition)).toEqual([
      { Null: { 'sagemaker:VpcSubnets': 'true' } },
      { Null: { 'sagemaker:VpcSecurityGroupIds': 'true' } },
      { 'ForAnyValue:StringNotEquals': { 'sagemaker:VpcSubnets': FINANCE_SUBNETS } },
    ]);
    for (const d of denies) {
      expect(d.Action).toEqual([...VPC_BOUND_CREATES]);
      expect(d.Action).toContain('sagemaker:CreateTrainingJob');
    }
  });

  it('covers every domain named when the flag repeats', async () => {
    const run = await isolation('finance-studio', 'sustainability-research');
    expect(run.exitCode).toBe(0);
    const policy = JSON.parse(run.stdout) as PolicyDocument;
    expect(policyProblems(policy)).toEqual([]);
    const arns = [live.get('finance-studio')?.arn, live.get('sustainability-research')?.arn].sort();
    expect(statement(policy, 'CreateOnlyWithDomainTag').Condition).toEqual({
      StringEquals: { 'aws:RequestTag/sagemaker:domain-arn': arns },
    });
    expect(statement(policy, 'OpenOwnDomain').Resource).toHaveLength(6);
  });

  it('fails with a message and prints nothing for a domain that is not live', async () => {
    const run = await isolation('no-such-studio');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('smus-gitops: no Studio domain named no-such-studio in region us-east-1\n');
  });
});

describe('buildStudioIsolationPolicy', () => {
  const publicDomain = {
    name: 'research',
    id: 'd-public000001',
    arn: 'arn:aws:sagemaker:eu-west-1:111122223333:domain/d-public000001',
    region: 'eu-west-1',
    account: '111122223333',
    appNetworkAccessType: 'PublicInternetOnly',
    subnetIds: [],
  };

  it('adds no VPC denies when no domain is VpcOnly', () => {
    const policy = buildStudioIsolationPolicy([publicDomain]);
    expect(policyProblems(policy)).toEqual([]);
    expect(policy.Statement.filter((s) => s.Effect === 'Deny')).toEqual([]);
  });

  it('refuses an empty list of domains', () => {
    expect(() => buildStudioIsolationPolicy([])).toThrow(/at least one/);
  });
});
