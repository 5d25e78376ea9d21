/**
 * Issue 19 item 5, updates: an update or delete must notice that its resource changed since the
 * plan read it (another apply, or an out-of-band edit between the plan's read and the write).
 * The plan is made, the unit is then edited through the real SDK client against the emulator,
 * and the in-memory plan is applied as the CLI applies it (with the plan's read scope): that one
 * change is refused with the message, nothing is written for it, and an unchanged resource still
 * updates normally. A change whose goal another writer already reached (the update's values, the
 * delete's absence) is done without a write: two applies of the same manifests must not fail
 * each other.
 */
import {
  AddEntityOwnerCommand,
  DeleteDomainUnitCommand,
  GetDomainUnitCommand,
  UpdateDomainUnitCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.js';
import type { ChangeOutcome } from '../../src/apply/executor.js';
import { resolveDesired } from '../../src/plan/planner.js';
import { readScope } from '../../src/plan/scope.js';
import type { PlannedRun } from '../helpers/apply.js';
import { actionLines } from '../helpers/apply.js';
import { domainManifest, fastEmulator, observedId } from '../apply/operations/support.js';

const h = fastEmulator();

function unitYaml(description: string, absent = false, owners: string[] = []): string {
  const ownerLines =
    owners.length > 0 ? `  owners:\n${owners.map((g) => `    - group: ${g}\n`).join('')}` : '';
  return `${domainManifest()}---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata:
  name: HR
  domain: corp
${absent ? 'lifecycle: { ensure: absent }\n' : ''}spec:
  description: ${description}
${ownerLines}`;
}

/** Adds a group owner to the unit with the SDK, as another apply (or a person) would. */
async function addOwnerOutOfBand(planned: PlannedRun, group: string): Promise<void> {
  await h.dz.send(
    new AddEntityOwnerCommand({
      domainIdentifier: await h.domainId(),
      entityType: 'DOMAIN_UNIT',
      entityIdentifier: observedId(planned, 'DomainUnit', 'HR')!,
      owner: { group: { groupIdentifier: group } },
    }),
  );
}

/** Applies a plan made earlier exactly as `apply` does: with the conflict check on. */
async function applyWithCheck(planned: PlannedRun): Promise<ChangeOutcome[]> {
  const { desired, domainAccount } = resolveDesired(planned.loaded.documents, planned.observation);
  try {
    return await applyPlan(planned.plan, {
      clients: planned.clients,
      desired,
      observation: planned.observation,
      domainAccount,
      timing: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
      random: Math.random,
      onEvent: () => undefined,
      log: () => undefined,
      conflictScope: readScope(planned.loaded.documents),
    });
  } finally {
    planned.clients.destroy();
  }
}

async function unitDescription(planned: PlannedRun): Promise<string | undefined> {
  const got = await h.dz.send(
    new GetDomainUnitCommand({
      domainIdentifier: await h.domainId(),
      identifier: observedId(planned, 'DomainUnit', 'HR')!,
    }),
  );
  return got.description;
}

async function editOutOfBand(planned: PlannedRun, description: string): Promise<void> {
  await h.dz.send(
    new UpdateDomainUnitCommand({
      domainIdentifier: await h.domainId(),
      identifier: observedId(planned, 'DomainUnit', 'HR')!,
      description,
    }),
  );
}

function failures(outcomes: ChangeOutcome[]): string[] {
  return outcomes
    .filter((o) => o.status !== 'done')
    .map(
      (o) =>
        `${o.status} ${o.change.action} ${o.change.address.kind}/${o.change.address.name}: ${(o.error as Error).message}`,
    );
}

describe('updates and deletes notice a resource changed since it was read', () => {
  it('refuses an update of a unit edited after the plan read it, and writes nothing for it', async () => {
    await h.applyOk(unitYaml('first'));
    const planned = await h.plan(unitYaml('second'));
    expect(actionLines(planned.plan)).toEqual(['update DomainUnit/HR']);
    await editOutOfBand(planned, 'edited by hand');

    const outcomes = await applyWithCheck(planned);

    expect(failures(outcomes)).toEqual([
      'failed update DomainUnit/HR: DomainUnit/HR changed since it was read (another apply or an out-of-band change): re-plan',
    ]);
    expect(await unitDescription(planned)).toBe('edited by hand');
  });

  it('refuses a delete of a unit edited after the plan read it, and the unit stays', async () => {
    await h.applyOk(unitYaml('first'));
    const planned = await h.plan(unitYaml('first', true));
    expect(actionLines(planned.plan)).toEqual(['delete DomainUnit/HR']);
    await editOutOfBand(planned, 'edited by hand');

    const outcomes = await applyWithCheck(planned);

    expect(failures(outcomes)).toEqual([
      'failed delete DomainUnit/HR: DomainUnit/HR changed since it was read (another apply or an out-of-band change): re-plan',
    ]);
    expect(await unitDescription(planned)).toBe('edited by hand');
  });

  it('updates and deletes an unchanged resource as before, and a re-plan converges', async () => {
    await h.applyOk(unitYaml('first'));
    const planned = await h.plan(unitYaml('second'));
    expect(failures(await applyWithCheck(planned))).toEqual([]);
    expect(await unitDescription(planned)).toBe('second');
    await h.converged(unitYaml('second'));

    const deleting = await h.plan(unitYaml('second', true));
    expect(failures(await applyWithCheck(deleting))).toEqual([]);
    await h.converged(unitYaml('second', true));
  });

  it('finishes an update that another writer already made, without failing or writing', async () => {
    await h.applyOk(unitYaml('first'));
    const planned = await h.plan(unitYaml('second'));
    expect(actionLines(planned.plan)).toEqual(['update DomainUnit/HR']);
    await editOutOfBand(planned, 'second');
    const before = await h.dz.send(
      new GetDomainUnitCommand({
        domainIdentifier: await h.domainId(),
        identifier: observedId(planned, 'DomainUnit', 'HR')!,
      }),
    );

    expect(failures(await applyWithCheck(planned))).toEqual([]);

    const after = await h.dz.send(
      new GetDomainUnitCommand({
        domainIdentifier: await h.domainId(),
        identifier: observedId(planned, 'DomainUnit', 'HR')!,
      }),
    );
    expect(after.description).toBe('second');
    expect(after.lastUpdatedAt).toEqual(before.lastUpdatedAt);
    await h.converged(unitYaml('second'));
  });

  it('finishes a delete of a unit another writer already deleted', async () => {
    await h.applyOk(unitYaml('first'));
    const planned = await h.plan(unitYaml('first', true));
    expect(actionLines(planned.plan)).toEqual(['delete DomainUnit/HR']);
    await h.dz.send(
      new DeleteDomainUnitCommand({
        domainIdentifier: await h.domainId(),
        identifier: observedId(planned, 'DomainUnit', 'HR')!,
      }),
    );

    expect(failures(await applyWithCheck(planned))).toEqual([]);
    await h.converged(unitYaml('first', true));
  });

  it('finishes an update another apply is part of the way through (one of two declared owners added)', async () => {
    await h.applyOk(unitYaml('first'));
    const declared = unitYaml('second', false, ['hr-analysts', 'hr-leads']);
    const planned = await h.plan(declared);
    expect(actionLines(planned.plan)).toEqual(['update DomainUnit/HR']);
    await addOwnerOutOfBand(planned, 'hr-analysts');

    expect(failures(await applyWithCheck(planned))).toEqual([]);
    expect(await unitDescription(planned)).toBe('second');
    await h.converged(declared);
  });

  it('still refuses when another writer moved a field anywhere but to its declared value', async () => {
    await h.applyOk(unitYaml('first'));
    const declared = unitYaml('second', false, ['hr-analysts']);
    const planned = await h.plan(declared);
    await addOwnerOutOfBand(planned, 'hr-analysts');
    await addOwnerOutOfBand(planned, 'contractors');

    expect(failures(await applyWithCheck(planned))).toEqual([
      'failed update DomainUnit/HR: DomainUnit/HR changed since it was read (another apply or an out-of-band change): re-plan',
    ]);
    expect(await unitDescription(planned)).toBe('first');
  });
});
