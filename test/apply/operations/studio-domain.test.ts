/**
 * StudioDomain apply against the emulator's SageMaker, through the whole pipeline, with short
 * but non-zero lifecycle durations so every wait (InService after create and update, gone after
 * delete) is exercised: create and round trip, update of each mutable field and of tags (the
 * system tag left alone), replace on an immutable field, delete (tombstone, already gone),
 * adoption of a domain created between plan and apply, and commit-then-fail on CreateDomain.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  DescribeDomainCommand,
  ListDomainsCommand,
  ListTagsCommand,
  type DescribeDomainCommandOutput,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { actionLines } from '../../helpers/apply.js';
import { applyPlanned, emulatorPerTest, itSurvivesRaces } from './support.js';

interface StudioOptions {
  authMode?: string;
  access?: 'VpcOnly' | 'PublicInternetOnly';
  subnets?: string[];
  role?: string;
  groups?: string[];
  tags?: Record<string, string>;
  kms?: string;
  absent?: boolean;
}

function studio(o: StudioOptions = {}): string {
  const tags = Object.entries(o.tags ?? { team: 'finance' })
    .map(([k, v]) => `    ${k}: ${v}\n`)
    .join('');
  return `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata:
  name: finance-studio
${o.absent ? 'lifecycle: { ensure: absent }\n' : ''}spec:
  region: us-east-1
  authMode: ${o.authMode ?? 'IAM'}
  vpcId: vpc-0a1b2c
  subnetIds: [${(o.subnets ?? ['subnet-1', 'subnet-2']).join(', ')}]
  appNetworkAccessType: ${o.access ?? 'VpcOnly'}
${o.kms ? `  kmsKeyId: ${o.kms}\n` : ''}  defaultUserSettings:
    executionRole: ${o.role ?? 'arn:aws:iam::111122223333:role/FinanceStudioExecution'}
    securityGroups: [${(o.groups ?? ['sg-0123']).join(', ')}]
${tags ? `  tags:\n${tags}` : ''}`;
}

const h = emulatorPerTest({
  behaviour: { durations: { studioCreate: 100, studioUpdate: 100, studioDelete: 100 } },
});
const { applyOk, plan, planLines } = h;

let sm: SageMakerClient;
beforeEach(() => {
  sm = h.emu.sageMaker();
});
afterEach(() => sm.destroy());

async function domains(): Promise<{ id: string; name: string; status: string }[]> {
  const out = await sm.send(new ListDomainsCommand({ MaxResults: 100 }));
  return (out.Domains ?? []).map((d) => ({
    id: d.DomainId ?? '',
    name: d.DomainName ?? '',
    status: d.Status ?? '',
  }));
}

async function only(): Promise<DescribeDomainCommandOutput> {
  const all = await domains();
  expect(all).toHaveLength(1);
  return sm.send(new DescribeDomainCommand({ DomainId: all[0]!.id }));
}

async function tagsOf(arn: string): Promise<Record<string, string>> {
  const out = await sm.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }));
  return Object.fromEntries((out.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

describe('StudioDomain apply', () => {
  it('creates the domain, waits for InService, and round-trips', async () => {
    const kms = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd';
    const yaml = studio({ kms });
    await applyOk(yaml);
    const d = await only();
    expect(d.Status).toBe('InService');
    expect(d).toMatchObject({
      DomainName: 'finance-studio',
      AuthMode: 'IAM',
      VpcId: 'vpc-0a1b2c',
      SubnetIds: ['subnet-1', 'subnet-2'],
      AppNetworkAccessType: 'VpcOnly',
      KmsKeyId: kms,
      DefaultUserSettings: {
        ExecutionRole: 'arn:aws:iam::111122223333:role/FinanceStudioExecution',
        SecurityGroups: ['sg-0123'],
      },
    });
    expect(await tagsOf(d.DomainArn ?? '')).toEqual({
      'sagemaker:domain-arn': d.DomainArn,
      'smus-gitops:managed': 'true',
      team: 'finance',
    });
    expect(await planLines(yaml)).toEqual([]);
  });

  it('updates each mutable member and the tags, leaving the system tag alone', async () => {
    await applyOk(studio({ tags: { team: 'finance', stale: 'x' } }));
    const before = await only();
    const yaml = studio({
      access: 'PublicInternetOnly',
      subnets: ['subnet-3'],
      role: 'arn:aws:iam::111122223333:role/Other',
      groups: ['sg-0456', 'sg-0789'],
      tags: { team: 'risk', added: 'y' },
    });
    expect(await planLines(yaml)).toEqual(['update StudioDomain/finance-studio']);
    await applyOk(yaml);
    const after = await only();
    expect(after.DomainId).toBe(before.DomainId);
    expect(after.Status).toBe('InService');
    expect(after).toMatchObject({
      SubnetIds: ['subnet-3'],
      AppNetworkAccessType: 'PublicInternetOnly',
      DefaultUserSettings: {
        ExecutionRole: 'arn:aws:iam::111122223333:role/Other',
        SecurityGroups: ['sg-0456', 'sg-0789'],
      },
    });
    expect(await tagsOf(after.DomainArn ?? '')).toEqual({
      'sagemaker:domain-arn': after.DomainArn,
      'smus-gitops:managed': 'true',
      team: 'risk',
      added: 'y',
    });
    expect(await planLines(yaml)).toEqual([]);
  });

  it('updates tags alone without calling UpdateDomain', async () => {
    await applyOk(studio());
    h.emu.emulator.control.resetStats();
    const yaml = studio({ tags: {} });
    await applyOk(yaml);
    const d = await only();
    expect(await tagsOf(d.DomainArn ?? '')).toEqual({
      'sagemaker:domain-arn': d.DomainArn,
      'smus-gitops:managed': 'true',
    });
    expect(h.emu.emulator.control.stats().operations['sagemaker.UpdateDomain']).toBeUndefined();
    expect(await planLines(yaml)).toEqual([]);
  });

  it('replaces the domain when an immutable member changes (delete, wait gone, create)', async () => {
    await applyOk(studio());
    const before = await only();
    const yaml = studio({ authMode: 'SSO' });
    expect(await planLines(yaml)).toEqual(['replace StudioDomain/finance-studio']);
    await applyOk(yaml);
    const after = await only();
    expect(after.DomainId).not.toBe(before.DomainId);
    expect(after.AuthMode).toBe('SSO');
    await expect(sm.send(new DescribeDomainCommand({ DomainId: before.DomainId }))).rejects.toMatchObject({
      name: 'ResourceNotFound',
    });
    expect(await planLines(yaml)).toEqual([]);
  });

  it('deletes on a tombstone and waits until the domain is gone', async () => {
    await applyOk(studio());
    const yaml = studio({ absent: true });
    expect(await planLines(yaml)).toEqual(['delete StudioDomain/finance-studio']);
    await applyOk(yaml);
    expect(await domains()).toEqual([]);
    expect(await planLines(yaml)).toEqual([]);
  });

  it('deletes a domain that is still being deleted by waiting for it', async () => {
    await applyOk(studio());
    const planned = await plan(studio({ absent: true }));
    const { DomainId } = await only();
    await sm.send(new DeleteDomainCommand({ DomainId }));
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    expect(await domains()).toEqual([]);
  });

  it('refuses to adopt a domain of the name whose immutable members differ', async () => {
    const planned = await plan(studio());
    await sm.send(
      new CreateDomainCommand({
        DomainName: 'finance-studio',
        AuthMode: 'SSO',
        DefaultUserSettings: {},
        VpcId: 'vpc-0a1b2c',
      }),
    );
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => o.status)).toEqual(['failed']);
    expect(String((outcomes[0]!.error as Error).message)).toMatch(/authMode/);
  });

  itSurvivesRaces(h, {
    adoption: {
      what: 'a studio domain',
      yaml: studio(),
      async createAfterPlan(planned) {
        expect(actionLines(planned.plan)).toEqual(['create StudioDomain/finance-studio']);
        await sm.send(
          new CreateDomainCommand({
            DomainName: 'finance-studio',
            AuthMode: 'IAM',
            VpcId: 'vpc-0a1b2c',
            SubnetIds: ['subnet-9'],
            AppNetworkAccessType: 'PublicInternetOnly',
            DefaultUserSettings: { ExecutionRole: 'arn:aws:iam::111122223333:role/FinanceStudioExecution' },
            Tags: [{ Key: 'stray', Value: 'z' }],
          }),
        );
      },
      async check() {
        const d = await only();
        expect(d).toMatchObject({ SubnetIds: ['subnet-1', 'subnet-2'], AppNetworkAccessType: 'VpcOnly' });
        expect(await tagsOf(d.DomainArn ?? '')).toEqual({
          'sagemaker:domain-arn': d.DomainArn,
          'smus-gitops:managed': 'true',
          team: 'finance',
        });
        expect(h.emu.emulator.control.stats().operations['sagemaker.CreateDomain']?.count).toBe(1);
        expect(await planLines(studio())).toEqual([]);
      },
    },
    commitThenFail: {
      operation: 'CreateDomain',
      service: 'sagemaker',
      yaml: studio(),
      byStatus: { 500: 1, 400: 1 },
      async check() {
        expect((await only()).Status).toBe('InService');
      },
    },
    alreadyGone: {
      what: 'a studio domain',
      before: studio(),
      tombstone: studio({ absent: true }),
      async deleteAfterPlan() {
        const { DomainId } = await only();
        await sm.send(new DeleteDomainCommand({ DomainId }));
        await h.emu.emulator.control.advanceClock(1_000);
        expect(await domains()).toEqual([]);
      },
    },
  });
});
