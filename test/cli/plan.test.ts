/**
 * `plan` end to end through the CLI against the emulator: goldens of the example plan in every
 * format, zero mutating calls, exit codes, determinism under shuffled list pages, and a failing
 * list that must neither plan a delete nor exit 0.
 */
import { CreateDomainCommand } from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { HOME_CREDENTIALS, startTestEmulator } from '../helpers/emulator.js';

const ENV = {
  AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
};

describe('plan over an empty cloud', () => {
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
    const outputs: string[] = [];
    for (const seed of [1, 2]) {
      const emu = await startTestEmulator({ seed, behaviour: { shuffleLists: true, defaultPageSize: 2 } });
      try {
        outputs.push(
          (
            await runCli(['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--format', 'json'], {
              env: ENV,
            })
          ).stdout,
        );
      } finally {
        await emu.close();
      }
    }
    expect(outputs[0]).toBe(outputs[1]);
  });

  it('exits 1 and plans no delete when a list call fails after retries', async () => {
    const emu = await startTestEmulator({ behaviour: { durations: { domainCreate: 0 } } });
    try {
      await emu.dataZone().send(
        new CreateDomainCommand({
          name: 'corp-data',
          domainExecutionRole: 'arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution',
          domainVersion: 'V2',
        }),
      );
      emu.emulator.control.setFaults([{ operation: 'ListAccountPools', error500Pct: 100 }]);
      const run = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--format', 'json'],
        { env: ENV },
      );
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('ListAccountPools');
      const plan = JSON.parse(run.stdout) as { changes: { action: string }[] };
      expect(plan.changes.filter((c) => c.action === 'delete')).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
