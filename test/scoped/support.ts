/**
 * Shared pieces of the change-scoped plan tests (issue 18): a temporary git repository holding the
 * manifests (committed, then edited as a pull request would), the CLI run in it against the
 * emulator, and the operations the emulator was asked for during one run.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { CliRun } from '../helpers/cli.js';
import type { TestEmulator } from '../helpers/emulator.js';
import { run, writeManifests } from '../truthful/support.js';

/** Runs git in `dir` (a fixed identity, so commits never depend on the machine). */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
}

/** A new repository with `all.yaml` = `text` committed on branch main; returns its directory. */
export function repoWith(text: string): string {
  const dir = writeManifests(text);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', 'all.yaml');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

/** Rewrites `all.yaml` in the working tree (uncommitted, as a PR's checkout compares to its base). */
export function edit(dir: string, text: string): void {
  writeFileSync(`${dir}/all.yaml`, text);
}

/** A CLI run and the `service.Operation` of every request the emulator answered during it. */
export async function counted(
  emu: TestEmulator,
  dir: string,
  args: string[],
): Promise<CliRun & { operations: string[] }> {
  const operations: string[] = [];
  const off = emu.emulator.control.on('request', (e) => operations.push(`${e.service}.${e.operation}`));
  try {
    return { ...(await run(emu, dir, args)), operations };
  } finally {
    off();
  }
}

/** The distinct operations of a run with their counts, sorted: `datazone.GetProject ×1`. */
export function tally(operations: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const op of operations) counts.set(op, (counts.get(op) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([op, n]) => `${op} ×${n}`);
}
