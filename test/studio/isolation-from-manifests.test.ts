/**
 * Issue 16: `iam-policy --studio-domain NAME --manifests PATH` generates the isolation policy from
 * the declared StudioDomain: the subnets the users' jobs are held to are the reviewed ones, so a
 * subnet added to the live domain out of band does not widen the policy (without --manifests it
 * does: the live domain is the source). The ARN in the tag conditions is still the live one. A
 * name no manifest declares is a user error.
 */
import { ListDomainsCommand, UpdateDomainCommand } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../src/iam/policy-document.js';
import { applyManifests, expectAllDone } from '../helpers/apply.js';
import { runCli } from '../helpers/cli.js';
import { HOME_CREDENTIALS, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const ENV = {
  AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
};
const DECLARED = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];

let emu: TestEmulator;
let arn = '';

beforeAll(async () => {
  emu = await startTestEmulator({ behaviour: { durations: { studioCreate: 0 } } });
  const run = await applyManifests({ paths: ['manifests-example/studio'] }, emu.endpoint);
  expectAllDone(run);
  run.clients.destroy();
  const sm = emu.sageMaker();
  try {
    const finance = ((await sm.send(new ListDomainsCommand({}))).Domains ?? []).find(
      (d) => d.DomainName === 'finance-studio',
    );
    arn = finance?.DomainArn ?? '';
    // Out of band: somebody adds a subnet to the live domain.
    await sm.send(
      new UpdateDomainCommand({ DomainId: finance?.DomainId, SubnetIds: [...DECLARED, 'subnet-0ffb0a4d'] }),
    );
  } finally {
    sm.destroy();
  }
}, 30_000);

afterAll(async () => {
  await emu?.close();
});

async function isolation(...args: string[]) {
  return runCli(
    ['iam-policy', '--studio-domain', 'finance-studio', ...args, '--endpoint-url', emu.endpoint],
    {
      env: ENV,
    },
  );
}

function subnetCondition(stdout: string): unknown {
  const policy = JSON.parse(stdout) as PolicyDocument;
  return policy.Statement.find((s) => s.Sid === 'DenyJobsOutsideDomainSubnets')?.Condition;
}

describe('iam-policy --studio-domain --manifests', () => {
  it('holds jobs to the declared subnets and names the live ARN', async () => {
    const run = await isolation('--manifests', 'manifests-example/studio');
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(subnetCondition(run.stdout)).toEqual({
      'ForAnyValue:StringNotEquals': { 'sagemaker:VpcSubnets': DECLARED },
    });
    expect(arn).toMatch(/^arn:aws:sagemaker:us-east-1:111122223333:domain\/d-/);
    expect(run.stdout).toContain(JSON.stringify(arn));
  });

  it('without --manifests takes the live subnets, the out-of-band one included', async () => {
    const run = await isolation();
    expect(run.exitCode).toBe(0);
    expect(subnetCondition(run.stdout)).toEqual({
      'ForAnyValue:StringNotEquals': { 'sagemaker:VpcSubnets': [...DECLARED, 'subnet-0ffb0a4d'] },
    });
  });

  it('refuses a name no StudioDomain manifest declares', async () => {
    const run = await runCli(
      [
        'iam-policy',
        '--studio-domain',
        'nobody',
        '--manifests',
        'manifests-example/studio',
        '--endpoint-url',
        emu.endpoint,
      ],
      { env: ENV },
    );
    expect(run.stderr).toBe('smus-gitops: no StudioDomain manifest is named nobody\n');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
  });
});
