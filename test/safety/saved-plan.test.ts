/**
 * Issue 19 items 1 and 6 through the CLI: a hand-edited saved plan is refused (exit 3, each
 * difference named, zero mutating calls), because apply re-derives every safety rule from a
 * fresh plan and only runs that; a failed live read publishes a failure, never a plan (no
 * `--out` file is written).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { startTestEmulator, type TestEmulator, EXAMPLE_BEHAVIOUR, CLI_ENV } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

interface PlanFile {
  summary: { delete: number; noop: number };
  changes: { address: { kind: string; name: string }; action: string; reason: string }[];
  refused: unknown[];
  fingerprint: string;
}

let emu: TestEmulator;
let dir: string;

async function cli(args: string[]) {
  return runCli([...args, '--endpoint-url', emu.endpoint], { env: CLI_ENV });
}

beforeAll(async () => {
  emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
  dir = mkdtempSync(join(tmpdir(), 'smus-safety-'));
  cpSync('manifests-example', join(dir, 'm'), { recursive: true });
  expect((await cli(['apply', join(dir, 'm'), '--auto-approve'])).exitCode).toBe(0);
});

afterAll(async () => {
  await emu.close();
});

/** Saves a fresh plan, lets `tamper` edit it, and applies the result. */
async function applyTampered(name: string, tamper: (plan: PlanFile) => void) {
  const file = join(dir, `${name}.json`);
  expect((await cli(['plan', join(dir, 'm'), '--out', file])).exitCode).toBe(0);
  const plan = JSON.parse(readFileSync(file, 'utf8')) as PlanFile;
  tamper(plan);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  emu.emulator.control.resetStats();
  const applied = await cli(['apply', join(dir, 'm'), '--plan', file, '--auto-approve']);
  return { applied, mutating: emu.emulator.control.stats().mutating };
}

describe('apply --plan with an edited plan', () => {
  it('refuses a delete of a protected profile written into the plan, with refusals emptied', async () => {
    const { applied, mutating } = await applyTampered('protected', (plan) => {
      const profile = plan.changes.find(
        (c) => c.address.kind === 'ProjectProfile' && c.address.name === 'All Accounts',
      )!;
      profile.action = 'delete';
      profile.reason = 'prune';
      plan.summary.delete = 1;
      plan.summary.noop -= 1;
      plan.refused = [];
    });
    expect(applied.exitCode).toBe(3);
    expect(applied.stderr).toContain('does not match a fresh plan of the same manifests and live state');
    expect(applied.stderr).toContain(
      'change ProjectProfile/corp-data/All Accounts: the saved plan has delete (prune); a fresh plan has noop (in-sync), as written differently',
    );
    expect(applied.stderr).toContain('summary: the saved plan says');
    expect(mutating).toBe(0);
  });

  it('refuses an added change the fresh plan does not have', async () => {
    const { applied, mutating } = await applyTampered('added', (plan) => {
      plan.changes.push({
        address: { kind: 'DomainUnit', domain: 'corp-data', name: 'Unmanaged' } as never,
        action: 'delete',
        reason: 'prune',
        fields: [],
        dependsOn: [],
      } as never);
    });
    expect(applied.exitCode).toBe(3);
    expect(applied.stderr).toContain(
      'change DomainUnit/corp-data/Unmanaged: the saved plan has delete (prune); a fresh plan has none',
    );
    expect(mutating).toBe(0);
  });

  it('refuses a plan whose digest does not match its content', async () => {
    const { applied, mutating } = await applyTampered('digest', (plan) => {
      plan.fingerprint = `sha256:${'0'.repeat(64)}`;
    });
    expect(applied.exitCode).toBe(3);
    expect(applied.stderr).toContain(
      `fingerprint: the saved plan's digest sha256:${'0'.repeat(64)} does not match its content`,
    );
    expect(mutating).toBe(0);
  });

  it('applies the untouched saved plan (nothing to do)', async () => {
    const { applied, mutating } = await applyTampered('untouched', () => undefined);
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Nothing to apply.');
    expect(mutating).toBe(0);
  });
});

describe('a failed live read', () => {
  it('publishes a failure, never a plan: exit 1 and no --out file', async () => {
    const file = join(dir, 'failed-read.json');
    emu.emulator.control.setFaults([{ operation: 'GetAccountPool', notFoundPct: 100 }]);
    try {
      const planned = await cli(['plan', join(dir, 'm'), '--out', file]);
      expect(planned.exitCode).toBe(1);
      expect(planned.stderr).toContain(
        'listed, but its Get answered not-found twice: the read is inconsistent',
      );
      expect(planned.stderr).toContain('live state could not be read completely; no plan was made');
      expect(planned.stdout).toBe('');
      expect(existsSync(file)).toBe(false);
    } finally {
      emu.emulator.control.clearFaults();
    }
  });
});
