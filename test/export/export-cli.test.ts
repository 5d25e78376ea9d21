/**
 * `export` refuses rather than writes something partial: it needs --domain, a live domain of that
 * name, and a complete read (a failed list leaves the output directory untouched).
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateDomainCommand } from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { startTestEmulator, CLI_ENV } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const ENV = CLI_ENV;

describe('export refusals', () => {
  it('exits 1 without --domain', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'smus-export-')), 'out');
    const run = await runCli(['export', '--out', out], { env: ENV });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('export needs --domain NAME (the domain to export) and/or --studio-domains');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 when no live domain has the name, or when a list fails; writes nothing', async () => {
    const emu = await startTestEmulator({ behaviour: { durations: { domainCreate: 0 } } });
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'smus-export-')), 'out');
      const args = ['export', '--out', out, '--endpoint-url', emu.endpoint, '--region', 'us-east-1'];
      const missing = await runCli([...args, '--domain', 'nowhere'], { env: ENV });
      expect(missing.exitCode).toBe(1);
      expect(missing.stderr).toContain('no live domain is named nowhere');

      const dz = emu.dataZone();
      await dz.send(
        new CreateDomainCommand({
          name: 'flaky',
          domainExecutionRole: 'arn:aws:iam::111122223333:role/Exec',
          serviceRole: 'arn:aws:iam::111122223333:role/Service',
          domainVersion: 'V2',
        }),
      );
      dz.destroy();
      emu.emulator.control.setFaults([{ operation: 'ListProjects', error500Pct: 100 }]);
      const failed = await runCli([...args, '--domain', 'flaky'], { env: ENV });
      expect(failed.exitCode).toBe(1);
      expect(failed.stderr).toContain('ListProjects failed');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
