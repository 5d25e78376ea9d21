/**
 * Issue 19 item 2: protection removed in the same change as the delete. The reviewed base (a git
 * ref: `--protect-base`, CI's target branch, or the upstream) protects "ProjectProfile/All
 * Accounts" through corp-data's reconcile.protect; the change drops that entry and the profile's
 * manifest. Without the base the plan would prune it; with it the plan refuses, saying where the
 * base protects it, and apply deletes nothing. The default base (the upstream here) is read from
 * git only for a plan that deletes or replaces something.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { startTestEmulator, CLI_ENV, EXAMPLE_BEHAVIOUR } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

type Cli = (args: string[]) => Promise<{ exitCode: number }>;

/** The example committed on `main` in `repo` (the reviewed base) and applied. */
async function baseApplied(repo: string, cli: Cli): Promise<void> {
  cpSync('manifests-example', join(repo, 'm'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  expect((await cli(['apply', 'm', '--auto-approve'])).exitCode).toBe(0);
}

/** Drops corp-data's protection of "All Accounts" from the working tree; the line it was on. */
function unprotect(repo: string): number {
  const domainFile = join(repo, 'm', 'domain', 'corp-data.yaml');
  const text = readFileSync(domainFile, 'utf8');
  const line = text.split('\n').findIndex((l) => l.includes('protect: ["ProjectProfile/All Accounts"]')) + 1;
  writeFileSync(domainFile, text.replace(/\n\s+protect: \["ProjectProfile\/All Accounts"\][^\n]*/, ''));
  return line;
}

describe('--protect-base', () => {
  it('refuses a delete whose protection the same change lifts, located at the base', async () => {
    const emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
    const repo = mkdtempSync(join(tmpdir(), 'smus-base-'));
    const cli = (args: string[]) =>
      runCli([...args, '--endpoint-url', emu.endpoint], { env: CLI_ENV, cwd: repo });
    try {
      await baseApplied(repo, cli);
      // The change under review: unprotect and remove in one go.
      const line = unprotect(repo);
      rmSync(join(repo, 'm', 'project-profiles', 'all-accounts.yaml'));

      const unguarded = await cli(['plan', 'm', '--format', 'json']);
      expect(unguarded.exitCode, unguarded.stderr).toBe(0);
      expect(unguarded.stdout).toContain('"action": "delete"');

      const guarded = await cli(['plan', 'm', '--protect-base', 'main', '--format', 'json']);
      expect(guarded.exitCode).toBe(3);
      const plan = JSON.parse(guarded.stdout) as {
        refused: { address: { name: string }; reason: string; detail: string }[];
      };
      expect(plan.refused).toEqual([
        {
          address: { kind: 'ProjectProfile', domain: 'corp-data', name: 'All Accounts' },
          reason: 'protected',
          detail: `ProjectProfile/All Accounts is protected at main in m/domain/corp-data.yaml:${line}; the plan would delete it. Lift protection in a separate reviewed change first`,
        },
      ]);

      emu.emulator.control.resetStats();
      const applied = await cli(['apply', 'm', '--protect-base', 'main', '--auto-approve']);
      expect(applied.exitCode).toBe(3);
      expect(emu.emulator.control.stats().mutating).toBe(0);

      const badRef = await cli(['plan', 'm', '--protect-base', 'no-such-ref']);
      expect(badRef.exitCode).toBe(1);
      expect(badRef.stderr).toContain('--protect-base no-such-ref: cannot read the manifests there');
    } finally {
      await emu.close();
    }
  });

  it('reads the default base (the upstream) only when the plan would delete or replace', async () => {
    const emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
    const repo = mkdtempSync(join(tmpdir(), 'smus-base-'));
    // A git on PATH that logs each call before running the real one: which calls a plan makes.
    const bin = mkdtempSync(join(tmpdir(), 'smus-git-'));
    const calls = join(bin, 'calls.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${calls}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const path = process.env['PATH'];
    process.env['PATH'] = `${bin}:${path ?? ''}`;
    const gitCalls = () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []);
    const cli = (args: string[]) =>
      runCli([...args, '--endpoint-url', emu.endpoint], { env: CLI_ENV, cwd: repo });
    try {
      await baseApplied(repo, cli);
      git(repo, 'checkout', '-q', '-b', 'change');
      git(repo, 'branch', '-q', '--set-upstream-to=main');
      unprotect(repo);
      rmSync(calls, { force: true });

      // Nothing deleted: the base cannot change the plan, and git is not asked for it.
      const edit = await cli(['plan', 'm', '--format', 'json']);
      expect(edit.exitCode, edit.stderr).toBe(0);
      expect(gitCalls()).toEqual([]);

      // The same change deleting the profile: the upstream is found and read, and it refuses.
      rmSync(join(repo, 'm', 'project-profiles', 'all-accounts.yaml'));
      const guarded = await cli(['plan', 'm', '--format', 'json']);
      expect(guarded.exitCode).toBe(3);
      expect(JSON.parse(guarded.stdout)).toMatchObject({
        refused: [
          {
            reason: 'protected',
            detail: expect.stringContaining('is protected at main in m/domain/corp-data.yaml:'),
          },
        ],
      });
      expect(gitCalls().slice(0, 2)).toEqual(['rev-parse', 'ls-tree']);
    } finally {
      process.env['PATH'] = path;
      rmSync(bin, { recursive: true, force: true });
      await emu.close();
    }
  });
});
