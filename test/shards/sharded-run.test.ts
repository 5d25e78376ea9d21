/**
 * Issue 18, "Across runners": `shards --format github-matrix` over a generated ten-domain,
 * ten-account organisation gives one shard per rate-limit bucket (golden), no two shards share
 * a bucket, each shard plans alone with its own account's credentials, and `plan-combine` joins
 * their saved plans into the one PR comment (golden). Where one credential can read every domain
 * (one account, five regions), the shards together plan exactly what the unsharded run does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI_ENV, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { writeShardedOrg } from './org.js';

interface MatrixRow {
  name: string;
  args: string;
  lines: string;
  account: string;
  region: string;
}

interface JsonPlan {
  scope?: string;
  changes: { address: { kind: string; domain?: string; name: string }; action: string }[];
  refused: unknown[];
}

const matrixOf = async (dir: string): Promise<MatrixRow[]> => {
  const run = await runCli(['shards', dir, '--format', 'github-matrix']);
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return (JSON.parse(run.stdout) as { include: MatrixRow[] }).include;
};

/** The CLI environment of a shard: its account's credentials (AssumeRole), else the home account's. */
const envOf = async (emu: TestEmulator, account: string): Promise<Record<string, string>> => {
  if (!account) return { ...CLI_ENV };
  const { credentials } = await emu.asAccount(account);
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
  };
};

/** Plans one shard as its matrix job does (`plan <dir> <lines> --out smus-plan-<name>.json`). */
const planShard = async (emu: TestEmulator, dir: string, out: string, row: MatrixRow): Promise<JsonPlan> => {
  const run = await runCli(
    [
      'plan',
      dir,
      ...row.lines.split('\n'),
      '--endpoint-url',
      emu.endpoint,
      '--format',
      'json',
      '--out',
      join(out, `smus-plan-${row.name}.json`),
    ],
    { env: await envOf(emu, row.account) },
  );
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return JSON.parse(run.stdout) as JsonPlan;
};

const keys = (plan: JsonPlan) =>
  plan.changes.map((c) => `${c.action} ${c.address.kind}/${c.address.domain ?? ''}/${c.address.name}`).sort();

describe('a ten-domain, ten-account organisation', () => {
  const dir = writeShardedOrg(true);
  const out = mkdtempSync(join(tmpdir(), 'smus-shard-plans-'));
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it('shards into one job per bucket, none sharing an account and region', async () => {
    const run = await runCli(['shards', dir, '--format', 'github-matrix']);
    await expect(run.stdout).toMatchFileSnapshot('__golden__/ten-accounts-matrix.json');
    const rows = await matrixOf(dir);
    expect(rows).toHaveLength(11);
    const domainRows = rows.filter((r) => r.name !== 'studio');
    expect(new Set(domainRows.map((r) => `${r.account} ${r.region}`)).size).toBe(10);
    expect(new Set(domainRows.map((r) => r.account)).size).toBe(10);
    const text = await runCli(['shards', dir]);
    await expect(text.stdout).toMatchFileSnapshot('__golden__/ten-accounts-shards.txt');
    expect(text.stdout).not.toContain('warning');
  });

  it('plans each shard alone and combines the plans into one comment', async () => {
    const rows = await matrixOf(dir);
    const plans = await Promise.all(rows.map((row) => planShard(emu, dir, out, row)));
    for (const [i, plan] of plans.entries()) {
      expect(plan.scope).toContain(rows[i]!.name === 'studio' ? '--studio' : `domain ${rows[i]!.name} only`);
      expect(plan.changes.length).toBeGreaterThan(0);
    }
    // Every domain's resources are planned by its own shard only.
    const owner = (c: JsonPlan['changes'][number]) =>
      c.address.kind.startsWith('Studio')
        ? 'studio'
        : c.address.kind === 'Domain'
          ? c.address.name
          : c.address.domain;
    for (const [i, plan] of plans.entries())
      for (const c of plan.changes) expect(owner(c)).toBe(rows[i]!.name);
    const matrix = JSON.stringify({ include: rows });
    const combined = await runCli(['plan-combine', out, '--matrix', matrix, '--format', 'markdown']);
    expect(combined.stderr).toBe('');
    expect(combined.exitCode).toBe(0);
    await expect(combined.stdout).toMatchFileSnapshot('__golden__/ten-accounts-combined.md');
    // One credential cannot read ten accounts' domains: the unsharded plan refuses, hence the shards.
    const whole = await runCli(['plan', dir, '--endpoint-url', emu.endpoint], { env: CLI_ENV });
    expect(whole.exitCode).toBe(1);
    expect(whole.stderr).toContain(
      'smus-gitops: Domain dom-0 declares account 400000000000, but the credentials are of account 111122223333; refusing to act',
    );
  });

  it('names a shard of the matrix whose plan is missing, and fails', async () => {
    const rows = await matrixOf(dir);
    const partial = mkdtempSync(join(tmpdir(), 'smus-shard-partial-'));
    await planShard(emu, dir, partial, rows[0]!);
    const combined = await runCli([
      'plan-combine',
      join(partial, `smus-plan-${rows[0]!.name}.json`),
      '--matrix',
      JSON.stringify({ include: rows.slice(0, 2) }),
      '--format',
      'json',
    ]);
    expect(combined.exitCode).toBe(1);
    expect(combined.stderr).toBe(`smus-gitops: plan-combine: no plan of shard ${rows[1]!.name}\n`);
    expect((JSON.parse(combined.stdout) as JsonPlan).scope).toBe(
      `combined from 1 of 2 shards (read: ${rows[0]!.name}); NOT read: ${rows[1]!.name}, so nothing of theirs is in this plan`,
    );
  });
});

describe('ten domains in one account over five regions', () => {
  it('shards by region, several domains a shard, and together plan what the unsharded run does', async () => {
    const dir = writeShardedOrg(false);
    const out = mkdtempSync(join(tmpdir(), 'smus-shard-plans-'));
    const emu = await startTestEmulator();
    try {
      const rows = await matrixOf(dir);
      expect(rows.map((r) => r.args)).toEqual([
        '--domain dom-0 --domain dom-5',
        '--domain dom-1 --domain dom-6',
        '--domain dom-2 --domain dom-7',
        '--domain dom-3 --domain dom-8',
        '--domain dom-4 --domain dom-9',
        '--studio',
      ]);
      const plans = await Promise.all(rows.map((row) => planShard(emu, dir, out, row)));
      const whole = await runCli(['plan', dir, '--endpoint-url', emu.endpoint, '--format', 'json'], {
        env: CLI_ENV,
      });
      expect(whole.exitCode).toBe(0);
      const full = JSON.parse(whole.stdout) as JsonPlan;
      expect(full.changes.length).toBeGreaterThan(100);
      expect(plans.flatMap(keys).sort()).toEqual(keys(full));
      expect(plans[0]!.scope).toBe(
        'domains dom-0, dom-5 only (--domain): other domains, their contents and Studio domains were not read, and nothing outside these domains is listed as unmanaged or pruned',
      );
      const combined = await runCli([
        'plan-combine',
        out,
        '--matrix',
        JSON.stringify({ include: rows }),
        '--format',
        'json',
      ]);
      expect(combined.exitCode).toBe(0);
      const joined = JSON.parse(combined.stdout) as JsonPlan & { summary: unknown };
      expect(joined.scope).toBeUndefined();
      expect(keys(joined)).toEqual(keys(full));
      expect(joined.summary).toEqual((JSON.parse(whole.stdout) as { summary: unknown }).summary);
    } finally {
      await emu.close();
    }
  });
});
