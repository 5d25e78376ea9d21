/**
 * The CLI as a real child process whose stdout is a real pipe: `plan | head -1` (the reader goes
 * away before the plan is written) ends cleanly, a closed pipe during apply neither crashes nor
 * stops the apply half-way, and NO_COLOR / FORCE_COLOR decide the escape codes (acceptance 4).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestEmulator, EXAMPLE_BEHAVIOUR, CLI_ENV } from '../helpers/emulator.js';

interface ChildRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as installed (bin/ over the built dist/, as `npm test` builds first; tsx would
 * re-transpile the sources in every child); `closeStdout` closes the reading end of its stdout at once.
 */
function child(args: string[], env: Record<string, string>, closeStdout = false): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['bin/smus-gitops.js', ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (closeStdout) proc.stdout.destroy();
    else proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('error', reject);
    proc.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

const STACK = /\n\s+at /;

describe('output into pipes', () => {
  it('plan into a pipe closed early exits 0 without a stack trace', async () => {
    const emu = await startTestEmulator();
    try {
      const run = await child(['plan', 'manifests-example', '--endpoint-url', emu.endpoint], CLI_ENV, true);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stderr).not.toContain('EPIPE');
      expect(run.exitCode).toBe(0);
    } finally {
      await emu.close();
    }
  }, 60_000);

  it('apply into a closed pipe goes on to the end, says so on stderr, and converges', async () => {
    const emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
    try {
      const run = await child(
        ['apply', 'manifests-example', '--auto-approve', '--endpoint-url', emu.endpoint],
        CLI_ENV,
        true,
      );
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stderr).toMatch(
        /^smus-gitops: stdout was closed during apply; the apply went on without output: \d+ done, 0 failed, 0 not started\n$/,
      );
      expect(run.exitCode).toBe(0);
      const after = await runCli(
        ['plan', 'manifests-example', '--endpoint-url', emu.endpoint, '--detailed-exitcode'],
        { env: CLI_ENV },
      );
      expect(after.exitCode).toBe(0);
    } finally {
      await emu.close();
    }
  }, 120_000);

  it('NO_COLOR=1 plan has no escape codes, even with FORCE_COLOR; FORCE_COLOR alone colours a pipe', async () => {
    const emu = await startTestEmulator();
    try {
      const args = ['plan', 'manifests-example', '--endpoint-url', emu.endpoint];
      const plain = await child(args, { ...CLI_ENV, NO_COLOR: '1', FORCE_COLOR: '1' });
      expect(plain.exitCode).toBe(0);
      expect(plain.stdout).toContain('Plan:');
      expect(plain.stdout).not.toContain('\u001b[');
      const forced = await child(args, { ...CLI_ENV, FORCE_COLOR: '1' });
      expect(forced.stdout).toContain('\u001b[32m');
      const dumb = await child(args, { ...CLI_ENV, FORCE_COLOR: '', TERM: 'dumb' });
      expect(dumb.stdout).not.toContain('\u001b[');
    } finally {
      await emu.close();
    }
  }, 90_000);
});
