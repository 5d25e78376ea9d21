/**
 * CLI habits of issue 17 that need no emulator: the colour decision (NO_COLOR, FORCE_COLOR,
 * TERM=dumb, a terminal), the Terraform-style confirmation (driven through a stream, not a
 * pseudo-terminal), and the plain messages of configuration errors.
 */
import { createServer, type AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/color.js';
import { describeConfigError } from '../../src/cli/errors.js';
import { askYes, promptText, terminalConfirm, APPLY_QUESTION } from '../../src/cli/prompt.js';
import { ConfigError } from '../../src/diagnostics/config-error.js';
import { runCli } from '../helpers/cli.js';

describe('colour decision', () => {
  const tty = (env: Record<string, string>) => useColor({ env, isTTY: true });
  const pipe = (env: Record<string, string>) => useColor({ env, isTTY: false });

  it('colours a terminal and not a pipe by default', () => {
    expect(tty({})).toBe(true);
    expect(pipe({})).toBe(false);
  });

  it('honours NO_COLOR (any non-empty value), even over FORCE_COLOR', () => {
    expect(tty({ NO_COLOR: '1' })).toBe(false);
    expect(tty({ NO_COLOR: 'false' })).toBe(false);
    expect(tty({ NO_COLOR: '' })).toBe(true);
    expect(pipe({ NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });

  it('honours FORCE_COLOR into a pipe, and FORCE_COLOR=0 on a terminal', () => {
    expect(pipe({ FORCE_COLOR: '1' })).toBe(true);
    expect(pipe({ FORCE_COLOR: 'true' })).toBe(true);
    expect(tty({ FORCE_COLOR: '0' })).toBe(false);
    expect(pipe({ FORCE_COLOR: '' })).toBe(false);
  });

  it('does not colour TERM=dumb, and --no-color wins over everything', () => {
    expect(tty({ TERM: 'dumb' })).toBe(false);
    expect(tty({ TERM: 'xterm-256color' })).toBe(true);
    expect(useColor({ env: { FORCE_COLOR: '1' }, isTTY: true }, false)).toBe(false);
  });
});

describe('confirmation', () => {
  async function answer(text: string | undefined): Promise<{ ok: boolean; shown: string }> {
    const input = new PassThrough();
    let shown = '';
    const asked = askYes(APPLY_QUESTION, input, (t) => {
      shown += t;
    });
    if (text === undefined) input.end();
    else input.write(text);
    return { ok: await asked, shown };
  }

  it("asks as Terraform does and approves only 'yes'", async () => {
    const yes = await answer('yes\n');
    expect(yes.ok).toBe(true);
    expect(yes.shown).toBe(
      "\nDo you want to perform these actions?\n  smus-gitops will perform the actions described above.\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: \n",
    );
    expect(yes.shown.startsWith(promptText(APPLY_QUESTION))).toBe(true);
    expect((await answer('  yes \n')).ok).toBe(true);
  });

  it('declines anything else, an empty line and the end of input', async () => {
    expect((await answer('y\n')).ok).toBe(false);
    expect((await answer('YES\n')).ok).toBe(false);
    expect((await answer('\n')).ok).toBe(false);
    expect((await answer(undefined)).ok).toBe(false);
  });

  it('is offered only when stdin and stdout are both terminals', () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    expect(terminalConfirm(stdin, true, () => undefined)).toBeTypeOf('function');
    expect(terminalConfirm(stdin, false, () => undefined)).toBeUndefined();
    expect(terminalConfirm(new PassThrough(), true, () => undefined)).toBeUndefined();
  });
});

describe('configuration errors', () => {
  it('maps a ConfigError to its own message and exit code', () => {
    expect(describeConfigError(new ConfigError('GITHUB_REPOSITORY is not set', { exitCode: 3 }))).toEqual({
      message: 'GITHUB_REPOSITORY is not set',
      exitCode: 3,
    });
    // Thrown by a copy of the module (another bundle): recognised by name.
    const foreign = Object.assign(new Error('bad'), { name: 'ConfigError' });
    expect(describeConfigError(foreign)?.message).toBe('bad');
  });

  it('leaves a bug to "internal error"', () => {
    expect(describeConfigError(new TypeError('x is undefined'))).toBeUndefined();
    expect(describeConfigError('thrown string')).toBeUndefined();
  });

  it('reports a busy emulator port plainly, not as an internal error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const run = await runCli(['emulator', '--port', String(port)]);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^smus-gitops: port ${port} is in use: `));
      expect(run.stderr).not.toContain('internal error');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('reports an unusable path with the path', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/x/y'"), {
      code: 'EACCES',
      path: '/x/y',
    });
    expect(describeConfigError(error)?.message).toBe(
      "cannot use /x/y: permission denied (EACCES: permission denied, open '/x/y')",
    );
  });
});
