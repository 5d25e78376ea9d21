/**
 * The Domain operation against the emulator, through the whole pipeline (load → read → plan →
 * apply): round trip, in-place updates (UpdateDomain fields and tags, AWS-owned tag keys left
 * alone), replace on a KMS key change, tombstone delete, adoption of a domain the plan did not
 * see, commit-then-fail on CreateDomain, and the delete of a domain that is already gone.
 */
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  GetDomainCommand,
  ListDomainsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, test } from 'vitest';
import { actionLines } from '../../helpers/apply.js';
import { fastEmulator, itSurvivesRaces } from './support.js';

const h = fastEmulator();
const { applyOk, converged, planLines } = h;
const HOME = '111122223333';
const KEY_A = `arn:aws:kms:us-east-1:${HOME}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const KEY_B = `arn:aws:kms:us-east-1:${HOME}:key/9999abcd-12ab-34cd-56ef-1234567890ab`;
const ROLE = (name: string) => `arn:aws:iam::${HOME}:role/service-role/${name}`;

function domainYaml(
  o: { description?: string; kmsKey?: string; tags?: Record<string, string>; extra?: string } = {},
): string {
  const tags = o.tags ?? { team: 'platform', 'cost-center': 'data' };
  return `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: corp
spec:
  region: us-east-1
  description: ${o.description ?? 'Corporate data'}
  executionRole: ${ROLE('AmazonSageMakerDomainExecution')}
  serviceRole: ${ROLE('AmazonSageMakerDomainService')}
  kmsKey: ${o.kmsKey ?? KEY_A}
  tags:
${Object.entries(tags)
  .map(([k, v]) => `    ${k}: ${v}`)
  .join('\n')}
${o.extra ?? ''}`;
}

const TOMBSTONE = domainYaml({ extra: 'lifecycle:\n  ensure: absent\n' });

async function domainsNamed(name: string) {
  const out = await h.dz.send(new ListDomainsCommand({}));
  return (out.items ?? []).filter((d) => d.name === name);
}

describe('Domain operation', () => {
  test('creates a V2 domain with its fields and tags; a second plan has no changes', async () => {
    const run = await applyOk(domainYaml());
    expect(actionLines(run.plan)).toEqual(['create Domain/corp']);
    const [summary] = await domainsNamed('corp');
    const got = await h.dz.send(new GetDomainCommand({ identifier: summary?.id }));
    expect(got).toMatchObject({
      status: 'AVAILABLE',
      domainVersion: 'V2',
      kmsKeyIdentifier: KEY_A,
      description: 'Corporate data',
    });
    const tags = await h.dz.send(new ListTagsForResourceCommand({ resourceArn: got.arn }));
    expect(tags.tags).toEqual({ team: 'platform', 'cost-center': 'data' });
    await converged(domainYaml());
  });

  test('updates description and tags in place and never touches aws:* keys', async () => {
    await applyOk(domainYaml());
    const [before] = await domainsNamed('corp');
    await h.dz.send(
      new TagResourceCommand({ resourceArn: before?.arn, tags: { 'aws:created-by': 'console' } }),
    );
    const changed = domainYaml({ description: 'New text', tags: { team: 'data', owner: 'me' } });
    const run = await applyOk(changed);
    expect(actionLines(run.plan)).toEqual(['update Domain/corp']);
    const [after] = await domainsNamed('corp');
    expect(after?.id).toBe(before?.id);
    expect(after?.description).toBe('New text');
    const tags = await h.dz.send(new ListTagsForResourceCommand({ resourceArn: after?.arn }));
    expect(tags.tags).toEqual({ team: 'data', owner: 'me', 'aws:created-by': 'console' });
    await converged(changed);
  });

  test('replaces the domain when its KMS key changes', async () => {
    await applyOk(domainYaml());
    const [before] = await domainsNamed('corp');
    const run = await applyOk(domainYaml({ kmsKey: KEY_B }));
    expect(actionLines(run.plan)).toEqual(['replace Domain/corp']);
    const now = await domainsNamed('corp');
    expect(now).toHaveLength(1);
    expect(now[0]?.id).not.toBe(before?.id);
    await converged(domainYaml({ kmsKey: KEY_B }));
  });

  test('a tombstone deletes the domain and waits until it is gone', async () => {
    await applyOk(domainYaml());
    const run = await applyOk(TOMBSTONE);
    expect(actionLines(run.plan)).toEqual(['delete Domain/corp']);
    expect(await domainsNamed('corp')).toEqual([]);
    await converged(TOMBSTONE);
  });

  itSurvivesRaces(h, {
    adoption: {
      what: 'a domain',
      yaml: domainYaml(),
      async createAfterPlan(planned) {
        expect(actionLines(planned.plan)).toEqual(['create Domain/corp']);
        await h.dz.send(
          new CreateDomainCommand({
            name: 'corp',
            domainExecutionRole: ROLE('AmazonSageMakerDomainExecution'),
            domainVersion: 'V2',
            description: 'old',
          }),
        );
      },
      async check() {
        const found = await domainsNamed('corp');
        expect(found).toHaveLength(1);
        expect(found[0]?.description).toBe('Corporate data');
        // The KMS key cannot be set on an adopted domain: the next plan says so as a replace.
        expect(await planLines(domainYaml())).toEqual(['replace Domain/corp']);
      },
    },
    commitThenFail: {
      operation: 'CreateDomain',
      yaml: domainYaml(),
      async check() {
        expect(await domainsNamed('corp')).toHaveLength(1);
      },
    },
    alreadyGone: {
      what: 'a domain',
      before: domainYaml(),
      tombstone: TOMBSTONE,
      async deleteAfterPlan() {
        const [found] = await domainsNamed('corp');
        await h.dz.send(new DeleteDomainCommand({ identifier: found?.id }));
      },
    },
  });
});
