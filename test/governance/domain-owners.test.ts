/**
 * Domain owners (issue 15): `Domain.spec.owners` are the root domain unit's owners. End to end
 * against the emulator: the creating identity owns the root unit and is no drift, owners added
 * (at create and later) and removed in place, an out-of-band owner shown as drift and removed, an
 * unreadable owner list never planned as "no owners", an unknown user refused at plan at its line
 * (with did-you-mean), an empty list refused at validation, and the export round trip.
 */
import { AddEntityOwnerCommand, ListEntityOwnersCommand } from '@aws-sdk/client-datazone';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/render/plan-text.js';
import { applyManifests, expectAllDone, planManifests } from '../helpers/apply.js';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { CLI_ENV, EXAMPLE_BEHAVIOUR, withEmulator } from '../helpers/emulator.js';
import { run, stable, writeManifests } from '../truthful/support.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const emu = withEmulator({ behaviour: EXAMPLE_BEHAVIOUR });

function domain(owners?: string): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution${owners === undefined ? '' : `\n  owners:\n${owners}`}
`;
}

const OWNERS = `    - group: platform-admins
    - user: jdoe
`;

function text(plan: Parameters<typeof renderPlanText>[0]): string {
  return renderPlanText(plan, { color: false });
}

async function registerUsers(): Promise<void> {
  await emu.emulator.control.serviceControl('datazone', 'sso-users', { userNames: ['jdoe', 'asmith'] });
}

/** The root unit's owners straight from the API: user and group profile ids, sorted. */
async function rootOwners(): Promise<{ domainId: string; rootUnitId: string; count: number }> {
  const planned = await planManifests(domain(), emu.endpoint);
  const d = planned.observation.resources.find((r) => r.address.kind === 'Domain');
  const domainId = d?.id ?? '';
  const rootUnitId = d?.meta.rootDomainUnitId ?? '';
  const out = await emu.dataZone().send(
    new ListEntityOwnersCommand({
      domainIdentifier: domainId,
      entityType: 'DOMAIN_UNIT',
      entityIdentifier: rootUnitId,
    }),
  );
  return { domainId, rootUnitId, count: out.owners?.length ?? 0 };
}

describe('Domain owners (the root unit)', () => {
  // Each case starts from an empty world (one emulator serves the file).
  beforeEach(async () => {
    await emu.emulator.control.reset();
  });

  it("creates a domain with owners; the creator's own ownership stays and is no drift", async () => {
    await registerUsers();
    const created = await applyManifests(domain(OWNERS), emu.endpoint);
    expectAllDone(created);
    expect(text(created.plan)).toMatchSnapshot('create');
    const again = await planManifests(domain(OWNERS), emu.endpoint);
    expect(again.observation.failures).toEqual([]);
    expect(text(again.plan)).toBe('No changes. Live state matches the manifests.\n');
    // The two declared owners plus the identity that created the domain, which the plan does not show.
    expect((await rootOwners()).count).toBe(3);
  });

  it('adds owners to a domain that had none declared, then swaps one in place', async () => {
    await registerUsers();
    await applyManifests(domain(), emu.endpoint).then(expectAllDone);
    // Only the creator owns the root unit: declaring no owners is no change, and neither is reading them.
    expect((await rootOwners()).count).toBe(1);
    const added = await applyManifests(domain(OWNERS), emu.endpoint);
    expectAllDone(added);
    expect(text(added.plan)).toMatchSnapshot('add');
    expect((await rootOwners()).count).toBe(3);

    const swapped = OWNERS.replace('user: jdoe', 'user: asmith');
    const updated = await applyManifests(domain(swapped), emu.endpoint);
    expectAllDone(updated);
    expect(text(updated.plan)).toMatchSnapshot('swap');
    const settled = await planManifests(domain(swapped), emu.endpoint);
    expect(text(settled.plan)).toBe('No changes. Live state matches the manifests.\n');
    expect((await rootOwners()).count).toBe(3);
  });

  it('removes an owner no longer declared, keeping the creator (never zero owners)', async () => {
    await registerUsers();
    await applyManifests(domain(OWNERS), emu.endpoint).then(expectAllDone);
    const fewer = '    - group: platform-admins\n';
    const removed = await applyManifests(domain(fewer), emu.endpoint);
    expectAllDone(removed);
    expect(text(removed.plan)).toMatchSnapshot('remove');
    expect((await rootOwners()).count).toBe(2);
    // Owners no longer declared at all: not managed, so whoever owns the root unit stays.
    const unmanaged = await planManifests(domain(), emu.endpoint);
    expect(text(unmanaged.plan)).toBe('No changes. Live state matches the manifests.\n');
  });

  it('shows an out-of-band owner of the root unit as drift and removes it on apply', async () => {
    await registerUsers();
    await applyManifests(domain(OWNERS), emu.endpoint).then(expectAllDone);
    const { domainId, rootUnitId } = await rootOwners();
    // Someone makes a group a domain owner in the console (the real SDK client, as any other caller).
    await emu.dataZone().send(
      new AddEntityOwnerCommand({
        domainIdentifier: domainId,
        entityType: 'DOMAIN_UNIT',
        entityIdentifier: rootUnitId,
        owner: { group: { groupIdentifier: 'contractors' } },
      }),
    );
    const drift = await planManifests(domain(OWNERS), emu.endpoint);
    expect(text(drift.plan)).toMatchSnapshot('drift');
    await applyManifests(domain(OWNERS), emu.endpoint).then(expectAllDone);
    expect((await rootOwners()).count).toBe(3);
  });

  it('never plans unread owners as "no owners": a failed ListEntityOwners leaves the domain unread', async () => {
    await registerUsers();
    await applyManifests(domain(OWNERS), emu.endpoint).then(expectAllDone);
    emu.emulator.control.setFaults([{ operation: 'ListEntityOwners', error500Pct: 100 }]);
    try {
      const planned = await planManifests(domain('    - group: platform-admins\n'), emu.endpoint);
      expect(planned.observation.complete).toBe(false);
      const d = planned.observation.resources.find((r) => r.address.kind === 'Domain');
      expect(d?.normal).toBeUndefined();
      expect(d?.meta.readFailed).toBe('ListEntityOwners');
      // No owner is removed on a guess: the domain is reported unread, not updated.
      expect(planned.plan.changes.map((c) => [c.address.kind, c.action, c.reason])).toEqual([
        ['Domain', 'noop', 'unread'],
      ]);
    } finally {
      emu.emulator.control.setFaults([]);
    }
  });

  it('refuses at plan an owner the domain does not know, located at its line', async () => {
    await registerUsers();
    await applyManifests(domain(OWNERS), emu.endpoint).then(expectAllDone);
    const dir = writeManifests(domain(OWNERS.replace('jdoe', 'jdoee')));
    const out = await run(emu, dir, ['plan', '--detailed-exitcode']);
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(3);
    expect(stable(out.stdout)).toMatchSnapshot('unknown user');
  });

  it('refuses an empty owner list at validation, located: the root unit keeps at least one owner', async () => {
    const planned = planManifests(
      domain().replace('DomainExecution\n', 'DomainExecution\n  owners: []\n'),
      emu.endpoint,
    );
    await expect(planned).rejects.toThrow(
      /manifests\.yaml:7:11 +error +SG207 +must NOT have fewer than 1 items/,
    );
  });

  it("exports the domain's owners (without the tool's own); plan over the export shows no changes", async () => {
    await registerUsers();
    await applyManifests(domain(OWNERS), emu.endpoint).then(expectAllDone);
    const out = mkdtempSync(join(tmpdir(), 'smus-domain-owners-export-'));
    const exported = await runCli(
      ['export', '--domain', 'gov', '--out', out, '--layout', 'per-kind', '--endpoint-url', emu.endpoint],
      { env: CLI_ENV },
    );
    expect(exported.stderr).toBe('');
    expect(exported.exitCode).toBe(0);
    const domains = readFileSync(join(out, 'domain.yaml'), 'utf8');
    expect(domains).toContain('  owners:\n    - group: platform-admins\n    - user: jdoe\n');
    expect(domains).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=https://unpkg.com/smus-gitops@0.1.0/schemas/domain.schema.json
      # Written by smus-gitops export from what is live; edit freely, then plan to review.
      apiVersion: smus-gitops/v1alpha1
      kind: Domain
      metadata:
        name: gov
      spec:
        region: us-east-1
        account: "111122223333"
        executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
        owners:
          - group: platform-admins
          - user: jdoe
        # reconcile:                     # ownership policy (DESIGN §4); not stored in AWS, so not exported.
        #   prune: [AccountPool, ProjectProfile]   # kinds this repository owns completely
        #   protect: ["ProjectProfile/*"]          # addresses never deleted or replaced
        #   maxDeletes: 5
      "
    `);
    const planned = await planManifests({ paths: [out] }, emu.endpoint);
    expect(planned.observation.failures).toEqual([]);
    expect(text(planned.plan)).toBe('No changes. Live state matches the manifests.\n');
  });
});
