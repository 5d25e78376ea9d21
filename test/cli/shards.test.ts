/**
 * Sharding keeps every kind (issue 17): a workflow matrix of one `--domain` shard per DataZone
 * domain plus one `--studio` shard covers every change of the full plan exactly once, each shard
 * says it is scoped, and the Studio shard neither reads DataZone domains nor lists anything of
 * theirs as unmanaged.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestEmulator, CLI_ENV } from '../helpers/emulator.js';

interface JsonPlan {
  scope?: string;
  changes: { address: { kind: string; name: string }; action: string }[];
}

const planJson = async (endpoint: string, shard: string[]): Promise<JsonPlan> => {
  const run = await runCli(
    ['plan', 'manifests-example', '--endpoint-url', endpoint, '--format', 'json', ...shard],
    { env: CLI_ENV },
  );
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return JSON.parse(run.stdout) as JsonPlan;
};

const keys = (plan: JsonPlan) =>
  plan.changes.map((c) => `${c.action} ${c.address.kind}/${c.address.name}`).sort();

describe('shards', () => {
  it('--domain corp-data and --studio together plan what the full plan does, each scoped', async () => {
    const emu = await startTestEmulator();
    try {
      const full = await planJson(emu.endpoint, []);
      const domain = await planJson(emu.endpoint, ['--domain', 'corp-data']);
      const studio = await planJson(emu.endpoint, ['--studio']);
      expect(full.scope).toBeUndefined();
      expect(domain.scope).toContain('--domain');
      expect(studio.scope).toBe(
        'Studio domains only (--studio): DataZone domains and their contents were not read, and none is listed as unmanaged or pruned',
      );
      expect(studio.changes.every((c) => c.address.kind.startsWith('Studio'))).toBe(true);
      expect(studio.changes.length).toBeGreaterThan(0);
      expect(domain.changes.some((c) => c.address.kind.startsWith('Studio'))).toBe(false);
      expect([...keys(domain), ...keys(studio)].sort()).toEqual(keys(full));
    } finally {
      await emu.close();
    }
  });

  it('refuses --domain with --studio: they are two shards', async () => {
    const run = await runCli(['plan', 'manifests-example', '--local', '--domain', 'corp-data', '--studio'], {
      env: CLI_ENV,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'smus-gitops: --domain and --studio are two different shards; give one of them\n',
    );
  });
});
