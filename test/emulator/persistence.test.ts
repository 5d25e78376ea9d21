/** The state file: survives restart, 50 concurrent mutating requests all land, never torn. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateProjectCommand } from '@aws-sdk/client-datazone';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startTestEmulator } from '../helpers/emulator.js';
import { FAKES } from './fake-services.js';
import { startLocalEmulator, localStatePath } from '../../src/emulator/local.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'smus-emulator-'));
}

describe('persistence', () => {
  it('keeps the world, issued STS keys and the id counter across a restart', async () => {
    const statePath = join(tempDir(), 'nested', 'state.json');
    const first = await startTestEmulator({ serviceFactories: FAKES, statePath });
    const account = await first.asAccount('444455556666');
    await first.dataZone().send(new CreateProjectCommand({ domainIdentifier: 'dzd_abc123', name: 'before' }));
    await first.emulator.control.advanceClock(60_000);
    const counter = first.emulator.world.idCounter;
    await first.close();

    const second = await startTestEmulator({ serviceFactories: FAKES, statePath });
    try {
      expect((second.emulator.world.services.datazone as { created: string[] }).created).toEqual(['before']);
      expect(second.emulator.world.clockOffsetMs).toBe(60_000);
      expect(second.emulator.world.idCounter).toBe(counter);
      // Credentials issued before the restart still act as their account.
      const sts = second.sts({ credentials: account.credentials });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('444455556666');
    } finally {
      await second.close();
    }
  });

  it('50 concurrent mutating requests then restart: valid state containing all of them', async () => {
    const dir = tempDir();
    const statePath = join(dir, 'state.json');
    const emu = await startTestEmulator({ serviceFactories: FAKES, statePath });
    const client = emu.dataZone();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.send(new CreateProjectCommand({ domainIdentifier: 'dzd_abc123', name: `p${i}` })),
      ),
    );
    // Every answered request is already durable, before close() flushes anything.
    const onDisk = JSON.parse(readFileSync(statePath, 'utf8')) as {
      services: { datazone: { created: string[] } };
    };
    expect(new Set(onDisk.services.datazone.created).size).toBe(50);
    await emu.close();
    expect(readdirSync(dir)).toEqual(['state.json']); // no temp files left behind

    const again = await startTestEmulator({ serviceFactories: FAKES, statePath });
    try {
      expect([...(again.emulator.world.services.datazone as { created: string[] }).created].sort()).toEqual(
        Array.from({ length: 50 }, (_, i) => `p${i}`).sort(),
      );
    } finally {
      await again.close();
    }
  });

  it('refuses a state file of another version', async () => {
    const statePath = join(tempDir(), 'state.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(statePath, JSON.stringify({ version: 99 }));
    await expect(startTestEmulator({ statePath })).rejects.toThrow(/version 1/);
  });

  it('startLocalEmulator keeps its state in <cwd>/.smus-gitops/emulator-state.json', async () => {
    const cwd = tempDir();
    const emu = await startLocalEmulator(cwd);
    await emu.close();
    expect(localStatePath(cwd)).toBe(join(cwd, '.smus-gitops', 'emulator-state.json'));
    expect(JSON.parse(readFileSync(localStatePath(cwd), 'utf8'))).toMatchObject({ version: 1 });
  });
});
