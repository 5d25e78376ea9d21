/**
 * Domain unit owners (issue 15) end to end against the emulator: create with owners, no changes
 * after apply, an owner added and one removed as an in-place update, owners absent = unmanaged,
 * an unknown user refused at plan at the owner's line, drift of an out-of-band AddEntityOwner
 * made with the real SDK client, tombstone and prune of an owned unit, and the export round trip.
 */
import { AddEntityOwnerCommand, ListEntityOwnersCommand } from '@aws-sdk/client-datazone';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/render/plan-text.js';
import { applyManifests, expectAllDone, planManifests } from '../helpers/apply.js';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { CLI_ENV, EXAMPLE_BEHAVIOUR, withEmulator } from '../helpers/emulator.js';
import { run, stable, writeManifests } from '../truthful/support.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const emu = withEmulator({ behaviour: EXAMPLE_BEHAVIOUR });

const DOMAIN = `
apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
  reconcile: { prune: [PRUNE] }
`;

function unit(owners: string | undefined, extra = ''): string {
  return `
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: HR, domain: gov }
${extra}spec:
  description: Human resources${owners === undefined ? '' : `\n  owners:\n${owners}`}
`;
}

const OWNERS = `    - group: hr-admins
    - user: jdoe
`;

function manifests(...docs: string[]): string {
  const [first, ...rest] = docs;
  return [DOMAIN.replace('[PRUNE]', first ?? '[]'), ...rest].join('---\n');
}

function text(plan: Parameters<typeof renderPlanText>[0]): string {
  return renderPlanText(plan, { color: false });
}

async function registerUsers(): Promise<void> {
  await emu.emulator.control.serviceControl('datazone', 'sso-users', { userNames: ['jdoe', 'asmith'] });
}

async function ownersOf(domainId: string, unitId: string): Promise<number> {
  const out = await emu.dataZone().send(
    new ListEntityOwnersCommand({
      domainIdentifier: domainId,
      entityType: 'DOMAIN_UNIT',
      entityIdentifier: unitId,
    }),
  );
  return out.owners?.length ?? 0;
}

describe('DomainUnit owners', () => {
  it('creates a unit with owners, converges, and updates owners in place', async () => {
    await registerUsers();
    const first = await applyManifests(manifests('[]', unit(OWNERS)), emu.endpoint);
    expectAllDone(first);
    expect(text(first.plan)).toMatchSnapshot('create');
    const again = await planManifests(manifests('[]', unit(OWNERS)), emu.endpoint);
    expect(text(again.plan)).toMatchSnapshot('no changes');
    const hr = again.observation.resources.find((r) => r.address.kind === 'DomainUnit');
    // The two declared owners plus the tool's own (the creator), which the plan does not show.
    expect(await ownersOf(hr?.meta.domainId ?? '', hr?.id ?? '')).toBe(3);

    const changed = OWNERS.replace('    - user: jdoe\n', '    - user: asmith\n');
    const updated = await applyManifests(manifests('[]', unit(changed)), emu.endpoint);
    expectAllDone(updated);
    expect(text(updated.plan)).toMatchSnapshot('update');
    const settled = await planManifests(manifests('[]', unit(changed)), emu.endpoint);
    expect(settled.plan.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    expect(await ownersOf(hr?.meta.domainId ?? '', hr?.id ?? '')).toBe(3);

    // Absent owners: not managed, so the owners now in place are no change.
    const unmanaged = await planManifests(manifests('[]', unit(undefined)), emu.endpoint);
    expect(text(unmanaged.plan)).toMatchSnapshot('owners not managed');
  });

  it('refuses at plan an owner the domain does not know, located at its line', async () => {
    await registerUsers();
    await applyManifests(manifests('[]', unit(OWNERS)), emu.endpoint).then(expectAllDone);
    const dir = writeManifests(manifests('[]', unit(OWNERS.replace('jdoe', 'jdoe-typo'))));
    const out = await run(emu, dir, ['plan', '--detailed-exitcode']);
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(3);
    expect(stable(out.stdout)).toMatchSnapshot('unknown user');
  });

  it('shows an out-of-band owner as drift and removes it on apply', async () => {
    await registerUsers();
    await applyManifests(manifests('[]', unit(OWNERS)), emu.endpoint).then(expectAllDone);
    const planned = await planManifests(manifests('[]', unit(OWNERS)), emu.endpoint);
    const hr = planned.observation.resources.find((r) => r.address.kind === 'DomainUnit');
    const domainId = hr?.meta.domainId ?? '';
    // Someone makes a group an owner in the console (the real SDK client, as any other caller).
    await emu.dataZone().send(
      new AddEntityOwnerCommand({
        domainIdentifier: domainId,
        entityType: 'DOMAIN_UNIT',
        entityIdentifier: hr?.id,
        owner: { group: { groupIdentifier: 'contractors' } },
      }),
    );
    const drift = await planManifests(manifests('[]', unit(OWNERS)), emu.endpoint);
    expect(text(drift.plan)).toMatchSnapshot('drift');
    await applyManifests(manifests('[]', unit(OWNERS)), emu.endpoint).then(expectAllDone);
    expect(await ownersOf(domainId, hr?.id ?? '')).toBe(3);
  });

  it('deletes an owned unit by tombstone, and lists then prunes an undeclared one', async () => {
    await registerUsers();
    await applyManifests(manifests('[]', unit(OWNERS)), emu.endpoint).then(expectAllDone);
    const tombstone = unit(OWNERS, 'lifecycle: { ensure: absent }\n');
    const deleted = await applyManifests(manifests('[]', tombstone), emu.endpoint);
    expectAllDone(deleted);
    expect(text(deleted.plan)).toMatchSnapshot('tombstone');

    await applyManifests(manifests('[]', unit(OWNERS)), emu.endpoint).then(expectAllDone);
    const listed = await planManifests(manifests('[]'), emu.endpoint);
    expect(text(listed.plan)).toMatchSnapshot('unmanaged');
    const pruned = await applyManifests(manifests('[DomainUnit]'), emu.endpoint);
    expectAllDone(pruned);
    expect(text(pruned.plan)).toMatchSnapshot('prune');
  });

  it("exports owners (without the tool's own) so that plan over the export shows no changes", async () => {
    await registerUsers();
    await applyManifests(manifests('[]', unit(OWNERS)), emu.endpoint).then(expectAllDone);
    const out = mkdtempSync(join(tmpdir(), 'smus-owners-export-'));
    const exported = await runCli(
      ['export', '--domain', 'gov', '--out', out, '--layout', 'per-kind', '--endpoint-url', emu.endpoint],
      { env: CLI_ENV },
    );
    expect(exported.stderr).toBe('');
    expect(exported.exitCode).toBe(0);
    const units = readFileSync(join(out, 'domain-units.yaml'), 'utf8');
    expect(units).toContain('  owners:\n    - group: hr-admins\n    - user: jdoe\n');
    expect(units).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=https://unpkg.com/smus-gitops@0.1.0/schemas/domain-unit.schema.json
      # Written by smus-gitops export from what is live; edit freely, then plan to review.
      apiVersion: smus-gitops/v1alpha1
      kind: DomainUnit
      metadata:
        name: HR
        domain: gov
      spec:
        description: Human resources
        owners:
          - group: hr-admins
          - user: jdoe
      "
    `);
    const planned = await planManifests({ paths: [out] }, emu.endpoint);
    expect(planned.observation.failures).toEqual([]);
    expect(text(planned.plan)).toBe('No changes. Live state matches the manifests.\n');
  });

  it('refuses an empty owner list at validation: a unit keeps at least one owner', async () => {
    const empty = unit(undefined).replace('Human resources', 'Human resources\n  owners: []');
    const planned = planManifests(manifests('[]', empty), emu.endpoint);
    await expect(planned).rejects.toThrow(
      /manifests\.yaml:16:11 +error +SG207 +must NOT have fewer than 1 items/,
    );
  });
});
