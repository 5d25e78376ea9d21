/**
 * `plan` end to end through the CLI against the emulator: goldens of the example plan in every
 * format, zero mutating calls, exit codes, determinism under shuffled list pages, and a failing
 * list that must neither plan a delete nor exit 0.
 */
import { CreateAccountPoolCommand, ListDomainsCommand } from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { applyManifests } from '../helpers/apply.js';
import { startTestEmulator, EXAMPLE_BEHAVIOUR, CLI_ENV } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const FAST = EXAMPLE_BEHAVIOUR;
const ENV = CLI_ENV;

describe('plan', () => {
  it.each(['text', 'markdown', 'json'] as const)(
    'renders the example plan as %s (golden)',
    async (format) => {
      const emu = await startTestEmulator();
      try {
        const run = await runCli(
          ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--format', format],
          { env: ENV },
        );
        expect(run.stderr).toBe('');
        expect(run.exitCode).toBe(0);
        await expect(run.stdout).toMatchFileSnapshot(
          `__golden__/example-plan.${format === 'markdown' ? 'md' : format === 'json' ? 'json' : 'txt'}`,
        );
        expect(emu.emulator.control.stats().mutating).toBe(0);
      } finally {
        await emu.close();
      }
    },
  );

  it('exits 2 with --detailed-exitcode when there are changes', async () => {
    const emu = await startTestEmulator();
    try {
      const run = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--detailed-exitcode'],
        { env: ENV },
      );
      expect(run.exitCode).toBe(2);
    } finally {
      await emu.close();
    }
  });

  it('is byte-identical when the emulator shuffles list pages', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      await applyManifests({ paths: ['manifests-example'] }, emu.endpoint);
      const plain = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--format', 'json'],
        { env: ENV },
      );
      emu.emulator.control.setBehaviour({ shuffleLists: true, maxPageSize: 2 });
      const shuffled = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--format', 'json'],
        { env: ENV },
      );
      expect(JSON.parse(plain.stdout).summary.noop).toBe(53);
      expect(shuffled.stdout).toBe(plain.stdout);
    } finally {
      await emu.close();
    }
  });

  it('exits 1 and publishes no plan when a list call fails after retries', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      await applyManifests({ paths: ['manifests-example'] }, emu.endpoint);
      // An undeclared pool: corp-data prunes AccountPool, so a complete read would plan its delete.
      const dz = emu.dataZone();
      const domain = (await dz.send(new ListDomainsCommand({}))).items!.find((d) => d.name === 'corp-data')!;
      await dz.send(
        new CreateAccountPoolCommand({
          domainIdentifier: domain.id,
          name: 'console-made',
          resolutionStrategy: 'MANUAL',
          accountSource: { accounts: [{ awsAccountId: '444455556666', supportedRegions: ['us-east-1'] }] },
        }),
      );
      const complete = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--format', 'json'],
        { env: ENV },
      );
      expect(JSON.parse(complete.stdout).summary.delete).toBe(1);
      emu.emulator.control.setFaults([{ operation: 'ListProjects', error500Pct: 100 }]);
      const run = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--format', 'json'],
        { env: ENV },
      );
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('ListProjects');
      // A failed read publishes a failure, never a plan (issue 19): nothing on stdout to act on.
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('no plan was made');
    } finally {
      await emu.close();
    }
  });
});
