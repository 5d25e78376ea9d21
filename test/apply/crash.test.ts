/**
 * Crash safety (apply acceptance 4): the example apply runs as a subprocess and is killed with
 * SIGKILL right after its k-th mutating request, for every k; each time a rerun converges with
 * no duplicate, and a further run makes zero mutating calls.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { runCli } from '../helpers/cli.js';
import { HOME_CREDENTIALS, startTestEmulator } from '../helpers/emulator.js';
import { duplicateNaturalKeys } from '../helpers/world.js';

const ENV = {
  AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const FAST = {
  durations: {
    domainCreate: 0,
    domainDelete: 0,
    projectDeploy: 0,
    projectDelete: 0,
    ramAssociate: 0,
    studioCreate: 0,
    studioUpdate: 0,
    studioDelete: 0,
  },
  externalAccountIds: ['777788889999'],
};
const APPLY = ['apply', 'manifests-example', '--auto-approve'];

/** Runs the CLI as a subprocess and kills it with SIGKILL right after the k-th committed mutating request. */
function applyKilledAfter(emulator: RunningEmulator, k: number): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/smus-gitops.js', ...APPLY, '--endpoint-url', emulator.endpoint],
      {
        env: { ...process.env, ...ENV },
        stdio: 'ignore',
      },
    );
    let seen = 0;
    let killed = false;
    const off = emulator.control.on('request', (event) => {
      if (!event.mutating || event.status >= 500) return;
      seen += 1;
      if (seen === k && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      off();
      resolve({ killed });
    });
  });
}

async function mutatingCallsOf(emulator: RunningEmulator, run: () => Promise<unknown>): Promise<number> {
  emulator.control.resetStats();
  await run();
  return emulator.control.stats().mutating;
}

describe('crash safety of apply', () => {
  it(
    'converges without duplicates after a SIGKILL after every k-th mutating request',
    { timeout: 900_000 },
    async () => {
      // How many mutating requests a clean apply makes.
      const clean = await startTestEmulator({ behaviour: FAST });
      let total: number;
      try {
        total = await mutatingCallsOf(clean.emulator, () =>
          runCli([...APPLY, '--endpoint-url', clean.endpoint], { env: ENV }),
        );
      } finally {
        await clean.close();
      }
      expect(total).toBeGreaterThan(40);
      const every = process.env.SMUS_CRASH_EVERY ? Number(process.env.SMUS_CRASH_EVERY) : 1;
      const failures: string[] = [];
      for (let k = 1; k <= total; k += every) {
        const emu = await startTestEmulator({ behaviour: FAST });
        try {
          const { killed } = await applyKilledAfter(emu.emulator, k);
          const rerun = await runCli([...APPLY, '--endpoint-url', emu.endpoint], { env: ENV });
          const dups = duplicateNaturalKeys(emu.emulator.world);
          const again = await mutatingCallsOf(emu.emulator, () =>
            runCli([...APPLY, '--endpoint-url', emu.endpoint], { env: ENV }),
          );
          if (!killed || rerun.exitCode !== 0 || dups.length > 0 || again !== 0) {
            failures.push(
              `k=${k}: killed=${killed} rerun=${rerun.exitCode} dups=${dups.join(',')} again=${again} ${rerun.stderr.slice(0, 300)}`,
            );
          }
        } finally {
          await emu.close();
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
