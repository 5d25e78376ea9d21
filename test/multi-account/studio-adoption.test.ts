/**
 * Acceptance (issue 13, finding 5): a Studio domain made outside the tool (here with the SageMaker
 * SDK, as the console does) is never taken over silently. Undeclared, it is reported as unmanaged
 * (exit 0 with --detailed-exitcode: reporting is not a change) and apply leaves it alone; a
 * manifest naming it plans an update with reason `adopt` that names the live domain and its id;
 * apply writes the ownership tag (and any field updates), and the next plan has no changes.
 */
import {
  CreateDomainCommand,
  DescribeDomainCommand,
  ListTagsCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, manifestDir, startFastEmulator } from './support.js';

const ROLE = `arn:aws:iam::${HOME}:role/ResearchStudioExecution`;

const MANIFEST = `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: research }
spec:
  region: us-east-1
  authMode: IAM
  vpcId: vpc-0aaa
  subnetIds: [subnet-0aaa]
  appNetworkAccessType: PublicInternetOnly
  defaultUserSettings:
    executionRole: ${ROLE}
  tags: { team: research }
`;

describe('a console-made Studio domain', () => {
  let emu: TestEmulator;
  let sm: SageMakerClient;
  let id = '';

  async function tags(): Promise<Record<string, string>> {
    const { DomainArn } = await sm.send(new DescribeDomainCommand({ DomainId: id }));
    const list = (await sm.send(new ListTagsCommand({ ResourceArn: DomainArn }))).Tags ?? [];
    return Object.fromEntries(
      list.filter((t) => !t.Key?.startsWith('sagemaker:')).map((t) => [t.Key ?? '', t.Value ?? '']),
    );
  }

  beforeAll(async () => {
    emu = await startFastEmulator();
    sm = emu.sageMaker();
    const out = await sm.send(
      new CreateDomainCommand({
        DomainName: 'research',
        AuthMode: 'IAM',
        VpcId: 'vpc-0aaa',
        SubnetIds: ['subnet-0aaa'],
        DefaultUserSettings: { ExecutionRole: ROLE },
      }),
    );
    id = out.DomainId ?? '';
  });
  afterAll(async () => {
    sm.destroy();
    await emu.close();
  });

  const other = `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: finance }
spec:
  region: us-east-1
  authMode: IAM
  vpcId: vpc-0bbb
  subnetIds: [subnet-0bbb]
  defaultUserSettings:
    executionRole: ${ROLE}
`;

  it('is listed as unmanaged where Studio domains are declared, and apply leaves it alone', async () => {
    const dir = manifestDir({ 'finance.yaml': other });
    expect((await cli(emu, ['apply', dir, '--auto-approve'])).exitCode).toBe(0);
    const run = await cli(emu, ['plan', dir, '--detailed-exitcode']);
    expect(run.stdout).toBe(
      `No changes. Live state matches the manifests.\n\n  ? StudioDomain/research (region us-east-1)  id: ${id}\n      is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned\n`,
    );
    expect(run.exitCode).toBe(0);
    expect(await tags()).toEqual({});
  });

  it('a manifest naming it plans its adoption (name and id), apply adopts it, and the next plan has no changes', async () => {
    const dir = manifestDir({ 'finance.yaml': other, 'research.yaml': MANIFEST });
    const planned = await cli(emu, ['plan', dir, '--detailed-exitcode']);
    expect(planned.stdout).toBe(
      [
        'Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 1 unchanged, 0 unmanaged',
        '',
        `  ~ StudioDomain/research (region us-east-1)  id: ${id}`,
        '      will be updated in place because it exists live but smus-gitops did not create it: apply adopts it (and updates any fields listed)',
        '      /tags: (unset) → {"team":"research"}',
        '',
        'Notes:',
        `  - StudioDomain/research: the live Studio domain research (${id}) in region us-east-1 was not created by smus-gitops; apply adopts it (tag smus-gitops:managed).`,
        '',
      ].join('\n'),
    );
    expect(planned.exitCode).toBe(2);
    const applied = await cli(emu, ['apply', dir, '--auto-approve']);
    expect(applied.stderr).toBe('');
    expect(applied.exitCode).toBe(0);
    expect(await tags()).toEqual({ 'smus-gitops:managed': 'true', team: 'research' });
    const again = await cli(emu, ['plan', dir, '--detailed-exitcode']);
    expect(again.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(again.exitCode).toBe(0);
  });
});
