/**
 * Acceptance (issue 8, 1): manifests-example — seven associated accounts, one of them outside the
 * organisation — applies end to end through the CLI. Every blueprint configuration is then found
 * in its own account by an SDK call made with that account's assumed-role credentials, with the
 * declared regions, and in no other account; the external account's share was accepted; and a
 * second plan is a no-op.
 */
import { GetResourceShareAssociationsCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { loadForTest } from '../helpers/apply.js';
import { EXTERNAL, HOME, cli, configurationsAs, domainId, startFastEmulator } from './support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

/** What manifests-example declares: account → blueprint → sorted enabledRegions. */
async function declaredConfigurations(): Promise<Map<string, Record<string, string[]>>> {
  const loaded = await loadForTest({ paths: ['manifests-example'] });
  const byAccount = new Map<string, Record<string, string[]>>();
  for (const { manifest } of loaded.documents) {
    if (manifest.kind !== 'BlueprintConfiguration') continue;
    const account = manifest.spec.account ?? HOME;
    const entry = byAccount.get(account) ?? {};
    entry[manifest.metadata.name] = [...manifest.spec.enabledRegions].sort();
    byAccount.set(account, entry);
  }
  return byAccount;
}

describe('manifests-example across accounts', () => {
  let emu: TestEmulator;
  let domain: string;
  let declared: Map<string, Record<string, string[]>>;

  beforeAll(async () => {
    emu = await startFastEmulator();
    declared = await declaredConfigurations();
    const run = await cli(emu, ['apply', 'manifests-example', '--auto-approve']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    domain = await domainId(emu, 'corp-data');
  });
  afterAll(() => emu.close());

  it('declares configurations in the domain account and seven associated accounts', () => {
    expect([...declared.keys()].sort()).toEqual([
      HOME,
      '444455556666',
      '555566667777',
      '555566668888',
      '666677778888',
      '666677779999',
      '777788880000',
      EXTERNAL,
    ]);
  });

  it("finds each account's configurations, and only them, with that account's own credentials", async () => {
    for (const [account, expected] of declared) {
      expect({ account, found: await configurationsAs(emu, account, domain) }).toEqual({
        account,
        found: expected,
      });
    }
  });

  it('sees no configuration from an account the example does not configure', async () => {
    // Assumable, but not associated with corp-data: it cannot read the domain, let alone others' configurations.
    const found = await configurationsAs(emu, '999900001111', domain).catch((e: Error) => e.name);
    expect(found).toBe('AccessDeniedException');
  });

  it('accepted the share invitation of the account outside the organisation', async () => {
    const ram = emu.ram();
    try {
      const out = await ram.send(
        new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', principal: EXTERNAL }),
      );
      expect((out.resourceShareAssociations ?? []).map((a) => a.status)).toEqual(['ASSOCIATED']);
    } finally {
      ram.destroy();
    }
  });

  it('plans no changes the second time', async () => {
    const run = await cli(emu, ['plan', 'manifests-example', '--detailed-exitcode']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('No changes');
  });
});
