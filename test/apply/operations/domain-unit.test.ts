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
  ListDomainUnitsForParentCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, test } from 'vitest';
import { actionLines } from '../../helpers/apply.js';
import { domainManifest, fastEmulator, itSurvivesRaces, observedId } from './support.js';

const h = fastEmulator();
const { applyOk, converged } = h;

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

const TREE = [domainManifest(), unit('HR', 'People'), unit('HR/Benefits', 'Benefits'), unit('Finance')].join(
  '\n',
);

async function ids() {
  const got = await h.dz.send(new GetDomainCommand({ identifier: await h.domainId() }));
  return { domainId: got.id ?? '', rootId: got.rootDomainUnitId ?? '' };
}

/** Every unit as `path (description)`, walked from the root. */
async function tree(): Promise<string[]> {
  const { domainId, rootId } = await ids();
  const out: string[] = [];
  const walk = async (parentId: string, prefix: string) => {
    const items =
      (
        await h.dz.send(
          new ListDomainUnitsForParentCommand({
            domainIdentifier: domainId,
            parentDomainUnitIdentifier: parentId,
            maxResults: 25,
          }),
        )
      ).items ?? [];
    for (const item of items) {
      const u = await h.dz.send(
        new GetDomainUnitCommand({ domainIdentifier: domainId, identifier: item.id }),
      );
      const path = prefix ? `${prefix}/${item.name}` : (item.name ?? '');
      out.push(`${path} (${u.description ?? ''})`);
      await walk(item.id ?? '', path);
    }
  };
  await walk(rootId, '');
  return out.sort();
}

describe('DomainUnit operation', () => {
  test('creates a tree parents first; a second plan has no changes', async () => {
    const run = await applyOk(TREE);
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
    await applyOk(TREE);
    const changed = [domainManifest(), unit('HR', 'Humans'), unit('HR/Benefits'), unit('Finance')].join('\n');
    const run = await applyOk(changed);
    expect(actionLines(run.plan)).toEqual(['update DomainUnit/HR', 'update DomainUnit/HR/Benefits']);
    expect(await tree()).toEqual(['Finance ()', 'HR (Humans)', 'HR/Benefits ()']);
    await converged(changed);
  });

  test('a tombstone deletes a unit; prune deletes an undeclared subtree children first', async () => {
    await applyOk(TREE);
    const tomb = [
      domainManifest(),
      unit('HR', 'People'),
      unit('HR/Benefits', 'Benefits', 'lifecycle:\n  ensure: absent\n'),
      unit('Finance'),
    ].join('\n');
    await applyOk(tomb);
    expect(await tree()).toEqual(['Finance ()', 'HR (People)']);
    await applyOk(TREE);
    const pruned = [domainManifest({ prune: 'DomainUnit' }), unit('Finance')].join('\n');
    const run = await applyOk(pruned);
    expect(actionLines(run.plan)).toEqual(['delete DomainUnit/HR/Benefits', 'delete DomainUnit/HR']);
    expect(await tree()).toEqual(['Finance ()']);
    await converged(pruned);
  });

  itSurvivesRaces(h, {
    adoption: {
      what: 'a unit',
      before: domainManifest(),
      yaml: [domainManifest(), unit('HR', 'People')].join('\n'),
      async createAfterPlan() {
        const { domainId, rootId } = await ids();
        await h.dz.send(
          new CreateDomainUnitCommand({
            domainIdentifier: domainId,
            parentDomainUnitIdentifier: rootId,
            name: 'HR',
            description: 'old',
          }),
        );
      },
      async check() {
        expect(await tree()).toEqual(['HR (People)']);
      },
    },
    commitThenFail: {
      operation: 'CreateDomainUnit',
      before: domainManifest(),
      yaml: TREE,
      async check() {
        expect(await tree()).toEqual(['Finance ()', 'HR (People)', 'HR/Benefits (Benefits)']);
      },
    },
    alreadyGone: {
      what: 'a unit',
      before: TREE,
      tombstone: [domainManifest(), unit('Finance', undefined, 'lifecycle:\n  ensure: absent\n')].join('\n'),
      async deleteAfterPlan(planned) {
        const { domainId } = await ids();
        await h.dz.send(
          new DeleteDomainUnitCommand({
            domainIdentifier: domainId,
            identifier: observedId(planned, 'DomainUnit', 'Finance'),
          }),
        );
      },
    },
  });
});
