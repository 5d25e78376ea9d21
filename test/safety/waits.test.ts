/**
 * Issue 19 item 6 (and issue 17's heartbeat): every wait of apply ends, with a clear message and
 * exit code, at the overall deadline (`--timeout`) or when the user asks to stop (SIGINT/SIGTERM:
 * io.interrupted), even while a resource answers not-found for good; a long wait says every ~30 s
 * what it awaits and for how long. The clock is virtual: sleeps move it forward at once.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestEmulator, CLI_ENV, EXAMPLE_BEHAVIOUR } from '../helpers/emulator.js';
import { virtualTiming } from '../campaigns/lib/virtual-time.js';

const WAIT = 'domain corp-data to become AVAILABLE';

describe('apply waits', () => {
  it('a lasting not-found ends at --timeout with a heartbeat on the way, exit 1', async () => {
    const emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
    try {
      emu.emulator.control.setFaults([{ operation: 'GetDomain', notFoundPct: 100 }]);
      const run = await runCli(
        ['apply', 'manifests-example', '--auto-approve', '--timeout', '95', '--endpoint-url', emu.endpoint],
        { env: CLI_ENV, timing: virtualTiming() },
      );
      expect(run.exitCode).toBe(1);
      const beats = run.stdout.split('\n').filter((l) => l.includes('still waiting for'));
      // About every 30 s of (virtual) time up to the 95 s deadline; the tenths follow the real clock too.
      expect(beats.length).toBeGreaterThanOrEqual(2);
      for (const beat of beats)
        expect(beat).toMatch(new RegExp(`^  still waiting for ${WAIT} \\(\\d+\\.\\ds so far\\)$`));
      expect(run.stdout).toMatch(
        new RegExp(
          `failed: Domain/corp-data: timed out waiting for ${WAIT} after \\d+s \\(the overall deadline, --timeout\\)`,
        ),
      );
    } finally {
      emu.emulator.control.clearFaults();
      await emu.close();
    }
  });

  it('SIGINT/SIGTERM (io.interrupted) ends a wait that would otherwise run for an hour, exit 1', async () => {
    const emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
    try {
      emu.emulator.control.setFaults([{ operation: 'GetDomain', notFoundPct: 100 }]);
      let stop!: () => void;
      const interrupted = new Promise<void>((resolve) => (stop = resolve));
      // Interrupted once the wait has visibly started (its first heartbeat).
      const io = { env: CLI_ENV, timing: virtualTiming(), interrupted };
      const running = runCli(
        ['apply', 'manifests-example', '--auto-approve', '--endpoint-url', emu.endpoint],
        io,
      );
      const off = emu.emulator.control.on('request', (event) => {
        if (event.operation === 'GetDomain') {
          stop();
          off();
        }
      });
      const run = await running;
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(
          `failed: Domain/corp-data: stopped while waiting for ${WAIT} \\(interrupted after \\d+s\\)`,
        ),
      );
    } finally {
      emu.emulator.control.clearFaults();
      await emu.close();
    }
  });
});
