/**
 * The DomainUnit operation against the emulator through the whole pipeline: a tree created parents
 * first (round trip), a description update, tombstone and prune deletes (children first),
 * adoption of a unit created after the plan, commit-then-fail on CreateDomainUnit, and the delete
 * of a unit that is already gone.
 */
import {
  CreateDomainUnitCommand,
  DeleteDomainUnitCommand,
  GetDomainCommand,
  GetDomainUnitCommand,
  ListDomainsCommand,
  ListDomainUnitsForParentCommand,
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

function domainYaml(prune = false): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata:
  name: corp
spec:
  region: us-east-1
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
${prune ? '  reconcile:\n    prune: [DomainUnit]\n' : ''}`;
}

function unit(path: string, description?: string, extra = ''): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata:
  name: ${path}
  domain: corp
${extra}spec:
${description ? `  description: ${description}` : '  {}'}
`;
}

const TREE = [domainYaml(), unit('HR', 'People'), unit('HR/Benefits', 'Benefits'), unit('Finance')].join(
  '\n',
);

let dz: DataZoneClient;
beforeEach(async () => {
  await emu.emulator.control.reset();
  emu.emulator.control.clearFaults();
  emu.emulator.control.resetStats();
  dz = emu.dataZone();
});
afterEach(() => dz.destroy());

async function applyPlanned(planned: PlannedRun) {
  const { desired, domainAccount } = resolveDesired(planned.loaded.documents, planned.observation);
  const outcomes = await applyPlan(planned.plan, {
    clients: planned.clients,
    desired,
    observation: planned.observation,
    domainAccount,
    timing: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
    random: Math.random,
    onEvent: () => undefined,
    log: () => undefined,
  });
  planned.clients.destroy();
  return outcomes;
}

async function apply(yaml: string) {
  const run = await applyManifests(yaml, emu.endpoint);
  expectAllDone(run);
  run.clients.destroy();
  return run;
}

async function converged(yaml: string) {
  const again = await planManifests(yaml, emu.endpoint);
  expect(actionLines(again.plan)).toEqual([]);
  again.clients.destroy();
}

/** Every unit as `path (description)`, walked from the root. */
async function tree(): Promise<string[]> {
  const [domain] = (await dz.send(new ListDomainsCommand({}))).items ?? [];
  const got = await dz.send(new GetDomainCommand({ identifier: domain?.id }));
  const out: string[] = [];
  const walk = async (parentId: string, prefix: string) => {
    const items =
      (
        await dz.send(
          new ListDomainUnitsForParentCommand({
            domainIdentifier: got.id,
            parentDomainUnitIdentifier: parentId,
            maxResults: 25,
          }),
        )
      ).items ?? [];
    for (const item of items) {
      const u = await dz.send(new GetDomainUnitCommand({ domainIdentifier: got.id, identifier: item.id }));
      const path = prefix ? `${prefix}/${item.name}` : (item.name ?? '');
      out.push(`${path} (${u.description ?? ''})`);
      await walk(item.id ?? '', path);
    }
  };
  await walk(got.rootDomainUnitId ?? '', '');
  return out.sort();
}

async function ids() {
  const [domain] = (await dz.send(new ListDomainsCommand({}))).items ?? [];
  const got = await dz.send(new GetDomainCommand({ identifier: domain?.id }));
  return { domainId: got.id ?? '', rootId: got.rootDomainUnitId ?? '' };
}

describe('DomainUnit operation', () => {
  test('creates a tree parents first; a second plan has no changes', async () => {
    const run = await apply(TREE);
    expect(actionLines(run.plan)).toEqual([
      'create Domain/corp',
      'create DomainUnit/Finance',
      'create DomainUnit/HR',
      'create DomainUnit/HR/Benefits',
    ]);
    expect(await tree()).toEqual(['Finance ()', 'HR (People)', 'HR/Benefits (Benefits)']);
    await converged(TREE);
  });

  test('updates a description in place, and clears it', async () => {
    await apply(TREE);
    const changed = [domainYaml(), unit('HR', 'Humans'), unit('HR/Benefits'), unit('Finance')].join('\n');
    const run = await apply(changed);
    expect(actionLines(run.plan)).toEqual(['update DomainUnit/HR', 'update DomainUnit/HR/Benefits']);
    expect(await tree()).toEqual(['Finance ()', 'HR (Humans)', 'HR/Benefits ()']);
    await converged(changed);
  });

  test('a tombstone deletes a unit; prune deletes an undeclared subtree children first', async () => {
    await apply(TREE);
    const tomb = [
      domainYaml(),
      unit('HR', 'People'),
      unit('HR/Benefits', 'Benefits', 'lifecycle:\n  ensure: absent\n'),
      unit('Finance'),
    ].join('\n');
    await apply(tomb);
    expect(await tree()).toEqual(['Finance ()', 'HR (People)']);
    await apply(TREE);
    const pruned = [domainYaml(true), unit('Finance')].join('\n');
    const run = await apply(pruned);
    expect(actionLines(run.plan)).toEqual(['delete DomainUnit/HR/Benefits', 'delete DomainUnit/HR']);
    expect(await tree()).toEqual(['Finance ()']);
    await converged(pruned);
  });

  test('adopts a unit created after the plan instead of creating a second one', async () => {
    await apply(domainYaml());
    const planned = await planManifests([domainYaml(), unit('HR', 'People')].join('\n'), emu.endpoint);
    const { domainId, rootId } = await ids();
    await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domainId,
        parentDomainUnitIdentifier: rootId,
        name: 'HR',
        description: 'old',
      }),
    );
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    expect(await tree()).toEqual(['HR (People)']);
  });

  test('a CreateDomainUnit that commits but answers 500 is adopted: no duplicate', async () => {
    await apply(domainYaml());
    emu.emulator.control.setFaults([{ operation: 'CreateDomainUnit', commitThenFailPct: 100, count: 1 }]);
    await apply(TREE);
    expect(emu.emulator.control.stats().operations['datazone.CreateDomainUnit']?.byStatus['500']).toBe(1);
    expect(await tree()).toEqual(['Finance ()', 'HR (People)', 'HR/Benefits (Benefits)']);
    await converged(TREE);
  });

  test('deleting a unit that is already gone succeeds', async () => {
    await apply(TREE);
    const tomb = [domainYaml(), unit('Finance', undefined, 'lifecycle:\n  ensure: absent\n')].join('\n');
    const planned = await planManifests(tomb, emu.endpoint);
    const { domainId } = await ids();
    const finance = planned.observation.resources.find(
      (r) => r.address.kind === 'DomainUnit' && r.address.name === 'Finance',
    );
    await dz.send(new DeleteDomainUnitCommand({ domainIdentifier: domainId, identifier: finance?.id }));
    const outcomes = await applyPlanned(planned);
    expect(outcomes.map((o) => `${o.status} ${o.change.action}`)).toEqual(['done delete']);
  });
});
