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
  type DataZoneClient,
} from '@aws-sdk/client-datazone';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { resolveDesired } from '../../../src/plan/planner.js';
import {
  actionLines,
  applyManifests,
  expectAllDone,
  planManifests,
  type PlannedRun,
} from '../../helpers/apply.js';
import { withEmulator } from '../../helpers/emulator.js';

const emu = withEmulator({ behaviour: { durations: { domainCreate: 0, domainDelete: 0 } } });
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

let dz: DataZoneClient;
beforeEach(async () => {
  await emu.emulator.control.reset();
  emu.emulator.control.clearFaults();
  emu.emulator.control.resetStats();
  dz = emu.dataZone();
});
afterEach(() => dz.destroy());

/** Applies a plan made earlier (the world may have changed since, as in a race or a crash). */
async function applyPlanned(planned: PlannedRun) {
  const { desired, domainAccount } = resolveDesired(planned.loaded.documents, planned.observation);
  return applyPlan(planned.plan, {
    clients: planned.clients,
    desired,
    observation: planned.observation,
    domainAccount,
    timing: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
    random: Math.random,
    onEvent: () => undefined,
    log: () => undefined,
  });
}

async function domainsNamed(name: string) {
  const out = await dz.send(new ListDomainsCommand({}));
  return (out.items ?? []).filter((d) => d.name === name);
}

async function converged(yaml: string) {
  const again = await planManifests(yaml, emu.endpoint);
  expect(actionLines(again.plan)).toEqual([]);
  again.clients.destroy();
}

async function apply(yaml: string) {
  const run = await applyManifests(yaml, emu.endpoint);
  expectAllDone(run);
  run.clients.destroy();
  return run;
}

describe('Domain operation', () => {
  test('creates a V2 domain with its fields and tags; a second plan has no changes', async () => {
    const run = await apply(domainYaml());
    expect(actionLines(run.plan)).toEqual(['create Domain/corp']);
    const [summary] = await domainsNamed('corp');
    const got = await dz.send(new GetDomainCommand({ identifier: summary?.id }));
    expect(got).toMatchObject({
      status: 'AVAILABLE',
      domainVersion: 'V2',
      kmsKeyIdentifier: KEY_A,
      description: 'Corporate data',
    });
    const tags = await dz.send(new ListTagsForResourceCommand({ resourceArn: got.arn }));
    expect(tags.tags).toEqual({ team: 'platform', 'cost-center': 'data' });
    await converged(domainYaml());
  });

  test('updates description and tags in place and never touches aws:* keys', async () => {
    await apply(domainYaml());
    const [before] = await domainsNamed('corp');
    await dz.send(
      new TagResourceCommand({ resourceArn: before?.arn, tags: { 'aws:created-by': 'console' } }),
    );
    const changed = domainYaml({ description: 'New text', tags: { team: 'data', owner: 'me' } });
    const run = await apply(changed);
    expect(actionLines(run.plan)).toEqual(['update Domain/corp']);
    const [after] = await domainsNamed('corp');
    expect(after?.id).toBe(before?.id);
    expect(after?.description).toBe('New text');
    const tags = await dz.send(new ListTagsForResourceCommand({ resourceArn: after?.arn }));
    expect(tags.tags).toEqual({ team: 'data', owner: 'me', 'aws:created-by': 'console' });
    await converged(changed);
  });

  test('replaces the domain when its KMS key changes', async () => {
    await apply(domainYaml());
    const [before] = await domainsNamed('corp');
    const run = await apply(domainYaml({ kmsKey: KEY_B }));
    expect(actionLines(run.plan)).toEqual(['replace Domain/corp']);
    const now = await domainsNamed('corp');
    expect(now).toHaveLength(1);
    expect(now[0]?.id).not.toBe(before?.id);
    await converged(domainYaml({ kmsKey: KEY_B }));
  });

  test('a tombstone deletes the domain and waits until it is gone', async () => {
    await apply(domainYaml());
    const run = await apply(TOMBSTONE);
    expect(actionLines(run.plan)).toEqual(['delete Domain/corp']);
    expect(await domainsNamed('corp')).toEqual([]);
    await converged(TOMBSTONE);
  });

  test('adopts a domain created after the plan instead of creating a second one', async () => {
    const planned = await planManifests(domainYaml(), emu.endpoint);
    expect(actionLines(planned.plan)).toEqual(['create Domain/corp']);
    await dz.send(
      new CreateDomainCommand({
        name: 'corp',
        domainExecutionRole: ROLE('AmazonSageMakerDomainExecution'),
        domainVersion: 'V2',
        description: 'old',
      }),
    );
    const outcomes = await applyPlanned(planned);
    planned.clients.destroy();
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    const found = await domainsNamed('corp');
    expect(found).toHaveLength(1);
    expect(found[0]?.description).toBe('Corporate data');
    // The KMS key cannot be set on an adopted domain: the next plan says so as a replace.
    const again = await planManifests(domainYaml(), emu.endpoint);
    expect(actionLines(again.plan)).toEqual(['replace Domain/corp']);
    again.clients.destroy();
  });

  test('a CreateDomain that commits but answers 500 is adopted: one domain', async () => {
    emu.emulator.control.setFaults([
      { operation: 'CreateDomain', service: 'datazone', commitThenFailPct: 100, count: 1 },
    ]);
    await apply(domainYaml());
    expect(emu.emulator.control.stats().operations['datazone.CreateDomain']?.byStatus['500']).toBe(1);
    expect(await domainsNamed('corp')).toHaveLength(1);
    await converged(domainYaml());
  });

  test('deleting a domain that is already gone succeeds', async () => {
    await apply(domainYaml());
    const planned = await planManifests(TOMBSTONE, emu.endpoint);
    const [found] = await domainsNamed('corp');
    await dz.send(new DeleteDomainCommand({ identifier: found?.id }));
    const outcomes = await applyPlanned(planned);
    planned.clients.destroy();
    expect(outcomes.map((o) => `${o.status} ${o.change.action}`)).toEqual(['done delete']);
  });
});
