/**
 * `apply` through the CLI: the example round trip, a stale saved plan refused with zero mutating
 * calls, confirmation without a terminal, and replaces that need --allow-replace.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ListAccountPoolsCommand,
  ListDomainsCommand,
  UpdateAccountPoolCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { startTestEmulator, type TestEmulator, EXAMPLE_BEHAVIOUR, CLI_ENV } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const ENV = CLI_ENV;
const FAST = EXAMPLE_BEHAVIOUR;

/** A private copy of the example manifests, to edit. */
function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smus-example-'));
  cpSync('manifests-example', dir, { recursive: true });
  return dir;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

async function cli(emu: TestEmulator, args: string[], cwd?: string) {
  return runCli([...args, '--endpoint-url', emu.endpoint], { env: ENV, ...(cwd ? { cwd } : {}) });
}

describe('apply', () => {
  it('applies the example, then plans no changes with zero mutating calls', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      const applied = await cli(emu, ['apply', 'manifests-example', '--auto-approve']);
      expect(applied.exitCode, applied.stdout + applied.stderr).toBe(0);
      expect(applied.stdout).toContain(
        'Apply complete: 53 created, 0 updated, 0 replaced, 0 deleted; 0 failed, 0 not started',
      );
      emu.emulator.control.resetStats();
      const plan = await cli(emu, ['plan', 'manifests-example', '--detailed-exitcode']);
      expect(plan.exitCode).toBe(0);
      expect(plan.stdout).toContain('No changes.');
      expect(emu.emulator.control.stats().mutating).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('refuses a stale saved plan with exit 3, zero mutating calls, naming the changed resource', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      const dir = exampleCopy();
      expect((await cli(emu, ['apply', dir, '--auto-approve'])).exitCode).toBe(0);
      edit(join(dir, 'account-pools', 'hr.yaml'), 'description: ', 'description: Edited in review. ');
      const planFile = join(dir, '..', `plan-${Date.now()}.json`);
      expect((await cli(emu, ['plan', dir, '--out', planFile])).exitCode).toBe(0);
      // Someone changes the pool in the console between review and merge.
      const dz = emu.dataZone();
      const domain = (await dz.send(new ListDomainsCommand({}))).items!.find((d) => d.name === 'corp-data')!;
      const pools = await dz.send(
        new ListAccountPoolsCommand({ domainIdentifier: domain.id, name: 'hr-accountpool' }),
      );
      await dz.send(
        new UpdateAccountPoolCommand({
          domainIdentifier: domain.id,
          identifier: pools.items![0]!.id,
          description: 'console edit',
        }),
      );
      emu.emulator.control.resetStats();
      const applied = await cli(emu, ['apply', dir, '--plan', planFile, '--auto-approve']);
      expect(applied.exitCode).toBe(3);
      expect(applied.stderr).toContain('AccountPool/corp-data/hr-accountpool');
      expect(emu.emulator.control.stats().mutating).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('applies a fresh saved plan', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      const dir = exampleCopy();
      const planFile = join(dir, '..', `plan-fresh-${Date.now()}.json`);
      expect((await cli(emu, ['plan', dir, '--out', planFile])).exitCode).toBe(0);
      const applied = await cli(emu, ['apply', dir, '--plan', planFile, '--auto-approve']);
      expect(applied.exitCode, applied.stderr).toBe(0);
      expect((await cli(emu, ['plan', dir, '--detailed-exitcode'])).exitCode).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('refuses without --auto-approve when there is no terminal to ask on', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      const applied = await cli(emu, ['apply', 'manifests-example']);
      expect(applied.exitCode).toBe(3);
      expect(applied.stderr).toContain('--auto-approve');
      expect(emu.emulator.control.stats().mutating).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('needs --allow-replace for a replace', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      const dir = exampleCopy();
      expect((await cli(emu, ['apply', dir, '--auto-approve'])).exitCode).toBe(0);
      // The research domain: the finance domain's IAM user profiles would not be valid in an SSO domain.
      edit(join(dir, 'studio', 'sustainability-research.yaml'), 'authMode: IAM', 'authMode: SSO');
      emu.emulator.control.resetStats();
      const refused = await cli(emu, ['apply', dir, '--auto-approve']);
      expect(refused.exitCode).toBe(3);
      expect(refused.stderr).toContain('--allow-replace');
      expect(emu.emulator.control.stats().mutating).toBe(0);
      const allowed = await cli(emu, ['apply', dir, '--auto-approve', '--allow-replace']);
      expect(allowed.exitCode, allowed.stdout + allowed.stderr).toBe(0);
      expect(allowed.stdout).toContain('1 replaced');
      expect((await cli(emu, ['plan', dir, '--detailed-exitcode'])).exitCode).toBe(0);
    } finally {
      await emu.close();
    }
  });
});
