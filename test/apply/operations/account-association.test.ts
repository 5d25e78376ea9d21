/**
 * AccountAssociation apply against the emulator, through the whole pipeline (load → read → plan →
 * apply): RAM shares named DataZone-<domain>-<access>, the external-account invitation accepted
 * with the account's assumed role, access changes moving the account between shares, deletes
 * (tombstone, prune, already gone), adoption of an existing share, and commit-then-fail creates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListResourceSharePermissionsCommand,
  type RAMClient,
} from '@aws-sdk/client-ram';
import { ListDomainsCommand } from '@aws-sdk/client-datazone';
import { applyManifests } from '../../helpers/apply.js';
import { PERMISSION_ARNS } from '../../../src/apply/operations/ram-shares.js';
import {
  associationManifest as association,
  domainManifest,
  emulatorPerTest,
  itSurvivesRaces,
} from './support.js';

const IN_ORG = '444455556666';
const EXTERNAL = '777788889999';
const OTHER = '555566667777';

function domainYaml(prune = false): string {
  return domainManifest({ name: 'corp-data', prune: prune ? 'AccountAssociation' : undefined });
}

const h = emulatorPerTest({
  behaviour: {
    externalAccountIds: [EXTERNAL],
    durations: { domainCreate: 0, domainDelete: 0, ramAssociate: 0 },
  },
});
const { applyOk, planLines } = h;

let ram: RAMClient;
beforeEach(() => {
  ram = h.emu.ram();
});
afterEach(() => ram.destroy());

async function shares(): Promise<{ name: string; arn: string; status: string }[]> {
  const out: { name: string; arn: string; status: string }[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken }));
    for (const s of page.resourceShares ?? [])
      out.push({ name: s.name ?? '', arn: s.resourceShareArn ?? '', status: s.status ?? '' });
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

async function principals(shareArn: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let nextToken: string | undefined;
  do {
    const page = await ram.send(
      new GetResourceShareAssociationsCommand({
        associationType: 'PRINCIPAL',
        resourceShareArns: [shareArn],
        nextToken,
      }),
    );
    for (const a of page.resourceShareAssociations ?? []) out[a.associatedEntity ?? ''] = a.status ?? '';
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

async function activeShare(name: string): Promise<string> {
  const found = (await shares()).filter((s) => s.name === name && s.status === 'ACTIVE');
  expect(found).toHaveLength(1);
  return found[0]!.arn;
}

describe('AccountAssociation apply', () => {
  it('creates one portal share holding the domain, with the portal permission, and round-trips', async () => {
    const yaml = domainYaml() + association(IN_ORG) + association(OTHER);
    await applyOk(yaml);
    const arn = await activeShare('DataZone-corp-data-portal');
    expect(await principals(arn)).toEqual({ [IN_ORG]: 'ASSOCIATED', [OTHER]: 'ASSOCIATED' });
    const perms = await ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: arn }));
    expect(perms.permissions?.map((p) => p.arn)).toEqual([PERMISSION_ARNS.portal]);
    const dz = h.emu.dataZone();
    const domains = await dz.send(new ListDomainsCommand({}));
    dz.destroy();
    const domainArn = domains.items?.[0]?.arn;
    const resources = await ram.send(
      new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceShareArns: [arn] }),
    );
    expect(resources.resourceShareAssociations?.map((a) => [a.associatedEntity, a.status])).toEqual([
      [domainArn, 'ASSOCIATED'],
    ]);
    expect(await planLines(yaml)).toEqual([]);
  });

  it('associates an account outside the organisation by accepting its invitation as that account', async () => {
    const yaml = domainYaml() + association(EXTERNAL);
    await applyOk(yaml);
    const arn = await activeShare('DataZone-corp-data-portal');
    expect(await principals(arn)).toEqual({ [EXTERNAL]: 'ASSOCIATED' });
    const external = await h.emu.asAccount(EXTERNAL);
    const theirRam = external.ram();
    const invitations = await theirRam.send(
      new GetResourceShareInvitationsCommand({ resourceShareArns: [arn] }),
    );
    theirRam.destroy();
    expect(invitations.resourceShareInvitations?.map((i) => i.status)).toEqual(['ACCEPTED']);
    expect(await planLines(yaml)).toEqual([]);
  });

  it('waits through ASSOCIATING and DISASSOCIATING when RAM takes its time', async () => {
    h.emu.emulator.control.setBehaviour({ durations: { ramAssociate: 200 } });
    await applyOk(domainYaml() + association(IN_ORG) + association(OTHER));
    const portal = await activeShare('DataZone-corp-data-portal');
    expect(await principals(portal)).toEqual({ [IN_ORG]: 'ASSOCIATED', [OTHER]: 'ASSOCIATED' });
    await applyOk(domainYaml() + association(IN_ORG) + association(OTHER, 'portal', { absent: true }));
    expect(await principals(portal)).toEqual({ [IN_ORG]: 'ASSOCIATED', [OTHER]: 'DISASSOCIATED' });
  });

  it('fails clearly when an external account has no role to accept the invitation with', async () => {
    const run = await applyManifests(
      domainYaml() + association(EXTERNAL, 'portal', { role: false }),
      h.emu.endpoint,
    );
    run.clients.destroy();
    const failed = run.outcomes.find((o) => o.change.address.kind === 'AccountAssociation');
    expect(failed?.status).toBe('failed');
    expect(String((failed?.error as Error).message)).toMatch(/assumeRoleArn/);
  });

  it('moves an account to the api share on an access change, keeping the portal share for the others', async () => {
    await applyOk(domainYaml() + association(IN_ORG) + association(OTHER));
    const portal = await activeShare('DataZone-corp-data-portal');
    const yaml = domainYaml() + association(IN_ORG, 'api') + association(OTHER);
    expect(await planLines(yaml)).toEqual([`update AccountAssociation/${IN_ORG}`]);
    await applyOk(yaml);
    const api = await activeShare('DataZone-corp-data-api');
    expect(await principals(api)).toEqual({ [IN_ORG]: 'ASSOCIATED' });
    expect(await principals(portal)).toEqual({ [IN_ORG]: 'DISASSOCIATED', [OTHER]: 'ASSOCIATED' });
    const perms = await ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: api }));
    expect(perms.permissions?.map((p) => p.arn)).toEqual([PERMISSION_ARNS.api]);
    expect(await planLines(yaml)).toEqual([]);
  });

  it('deletes the share with its last principal on an access change', async () => {
    await applyOk(domainYaml() + association(IN_ORG));
    const portal = await activeShare('DataZone-corp-data-portal');
    await applyOk(domainYaml() + association(IN_ORG, 'api'));
    expect((await shares()).find((s) => s.arn === portal)?.status).toBe('DELETED');
    await activeShare('DataZone-corp-data-api');
  });

  it('disassociates on a tombstone, and deletes the share with its last principal', async () => {
    await applyOk(domainYaml() + association(IN_ORG) + association(EXTERNAL));
    const portal = await activeShare('DataZone-corp-data-portal');
    const first = domainYaml() + association(IN_ORG) + association(EXTERNAL, 'portal', { absent: true });
    expect(await planLines(first)).toEqual([`delete AccountAssociation/${EXTERNAL}`]);
    await applyOk(first);
    expect(await principals(portal)).toEqual({ [IN_ORG]: 'ASSOCIATED', [EXTERNAL]: 'DISASSOCIATED' });
    expect(await planLines(first)).toEqual([]);
    const second =
      domainYaml() +
      association(IN_ORG, 'portal', { absent: true }) +
      association(EXTERNAL, 'portal', { absent: true });
    await applyOk(second);
    expect((await shares()).find((s) => s.arn === portal)?.status).toBe('DELETED');
    expect(await planLines(second)).toEqual([]);
  });

  it('prunes an undeclared association when the domain prunes the kind', async () => {
    await applyOk(domainYaml() + association(IN_ORG) + association(OTHER));
    const portal = await activeShare('DataZone-corp-data-portal');
    const yaml = domainYaml(true) + association(IN_ORG);
    expect(await planLines(yaml)).toEqual([`delete AccountAssociation/${OTHER}`]);
    await applyOk(yaml);
    expect(await principals(portal)).toEqual({ [IN_ORG]: 'ASSOCIATED', [OTHER]: 'DISASSOCIATED' });
    expect(await planLines(yaml)).toEqual([]);
  });

  it('adopts an existing share of the name instead of creating another', async () => {
    await applyOk(domainYaml());
    const dz = h.emu.dataZone();
    const domainArn = (await dz.send(new ListDomainsCommand({}))).items?.[0]?.arn ?? '';
    dz.destroy();
    await ram.send(
      new CreateResourceShareCommand({
        name: 'DataZone-corp-data-portal',
        resourceArns: [domainArn],
        principals: [OTHER],
        permissionArns: [PERMISSION_ARNS.portal],
      }),
    );
    await applyOk(domainYaml() + association(IN_ORG) + association(OTHER));
    const arn = await activeShare('DataZone-corp-data-portal');
    expect(await principals(arn)).toEqual({ [IN_ORG]: 'ASSOCIATED', [OTHER]: 'ASSOCIATED' });
    expect(h.emu.emulator.control.stats().operations['ram.CreateResourceShare']?.count).toBe(1);
  });

  it('creates one share when two associations of one access level are applied in parallel', async () => {
    // A slow create: without serialisation the other associations would look for the share meanwhile.
    h.emu.emulator.control.setFaults([{ operation: 'CreateResourceShare', hangMs: 300 }]);
    await applyOk(domainYaml() + association(IN_ORG) + association(OTHER) + association(EXTERNAL));
    expect((await shares()).map((s) => s.name)).toEqual(['DataZone-corp-data-portal']);
  });

  itSurvivesRaces(h, {
    commitThenFail: {
      title: 'does not duplicate a share whose create committed but answered 500',
      operation: 'CreateResourceShare',
      service: 'ram',
      before: domainYaml(),
      yaml: domainYaml() + association(IN_ORG),
      byStatus: { 500: 1, 200: 1 },
      async check() {
        expect((await shares()).map((s) => s.name)).toEqual(['DataZone-corp-data-portal']);
        expect(await principals(await activeShare('DataZone-corp-data-portal'))).toEqual({
          [IN_ORG]: 'ASSOCIATED',
        });
      },
    },
    alreadyGone: {
      what: 'an association',
      before: domainYaml() + association(IN_ORG) + association(OTHER),
      tombstone: domainYaml() + association(OTHER, 'portal', { absent: true }) + association(IN_ORG),
      async deleteAfterPlan() {
        const portal = await activeShare('DataZone-corp-data-portal');
        await ram.send(
          new DisassociateResourceShareCommand({ resourceShareArn: portal, principals: [OTHER] }),
        );
      },
      async check() {
        const portal = await activeShare('DataZone-corp-data-portal');
        expect(await principals(portal)).toEqual({ [IN_ORG]: 'ASSOCIATED', [OTHER]: 'DISASSOCIATED' });
      },
    },
  });
  it('survives commit-then-fail on associate, accept and disassociate', async () => {
    await applyOk(domainYaml() + association(IN_ORG));
    h.emu.emulator.control.setFaults([
      { operation: 'AssociateResourceShare', commitThenFailPct: 100, count: 1 },
      { operation: 'AcceptResourceShareInvitation', commitThenFailPct: 100, count: 1 },
    ]);
    await applyOk(domainYaml() + association(IN_ORG) + association(EXTERNAL));
    const portal = await activeShare('DataZone-corp-data-portal');
    expect(await principals(portal)).toEqual({ [IN_ORG]: 'ASSOCIATED', [EXTERNAL]: 'ASSOCIATED' });
    h.emu.emulator.control.setFaults([
      { operation: 'DisassociateResourceShare', commitThenFailPct: 100, count: 1 },
    ]);
    await applyOk(domainYaml() + association(IN_ORG) + association(EXTERNAL, 'portal', { absent: true }));
    expect(await principals(portal)).toEqual({ [IN_ORG]: 'ASSOCIATED', [EXTERNAL]: 'DISASSOCIATED' });
    const stats = h.emu.emulator.control.stats().operations;
    expect(stats['ram.AssociateResourceShare']?.byStatus[500]).toBe(1);
    expect(stats['ram.AcceptResourceShareInvitation']?.byStatus[500]).toBe(1);
    expect(stats['ram.DisassociateResourceShare']?.byStatus[500]).toBe(1);
  });
});
