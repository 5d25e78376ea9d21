/**
 * Issue 19 item 5 (acceptance 3): two `apply` processes started at once on a new domain, several
 * trials (SMUS_CONCURRENT_TRIALS, default 3; 10 for the acceptance run) against one fresh
 * emulator each. Every trial must end with no duplicate of any natural
 * key (domains, units, pools, profiles, projects, memberships, RAM shares, policy grants), no
 * declared grant missing, and converged: a later plan says "No changes". The applies run as real subprocesses (bin/, built dist/) so that nothing
 * held in one process (the share locks) can serialise them.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { runCli } from '../helpers/cli.js';
import { CLI_ENV, emulatorTiming, INSTANT_DURATIONS } from '../helpers/emulator.js';
import { duplicateNaturalKeys } from '../helpers/world.js';
import { missingGrants } from '../campaigns/lib/grants.js';

/**
 * The default suite runs a few trials (each spawns two Node processes, slow on a loaded machine);
 * the acceptance run sets SMUS_CONCURRENT_TRIALS=10 (docs/concurrency.md).
 */
const TRIALS = trialCount(process.env.SMUS_CONCURRENT_TRIALS);

function trialCount(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`SMUS_CONCURRENT_TRIALS must be a positive integer, got "${raw}"`);
  return n;
}

function applyProcess(emulator: RunningEmulator): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'bin/smus-gitops.js',
        'apply',
        'manifests-example',
        '--auto-approve',
        '--endpoint-url',
        emulator.endpoint,
      ],
      { env: { ...process.env, ...CLI_ENV }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** One trial: two applies at once, then the duplicates and whether a later plan has no changes. */
async function trial(): Promise<{
  codes: (number | null)[];
  duplicates: string[];
  missingGrants: string[];
  converged: boolean;
  output: string;
}> {
  const emulator = await startEmulator({
    port: 0,
    behaviour: { durations: INSTANT_DURATIONS, externalAccountIds: ['777788889999'] },
  });
  try {
    const runs = await Promise.all([applyProcess(emulator), applyProcess(emulator)]);
    const duplicates = duplicateNaturalKeys(emulator.world);
    const plan = await runCli(
      ['plan', 'manifests-example', '--detailed-exitcode', '--endpoint-url', emulator.endpoint],
      // The check's read paced on the emulator's clock: it costs no real time (issue 18).
      { env: CLI_ENV, timing: emulatorTiming(emulator) },
    );
    return {
      codes: runs.map((r) => r.code),
      duplicates: [
        ...duplicates,
        ...duplicateNaturalKeys(emulator.world).filter((d) => !duplicates.includes(d)),
      ],
      // The example's grants: none may be missing either (issue 15 acceptance 2).
      missingGrants: missingGrants(emulator.world, { dir: 'manifests-example' }),
      converged: plan.exitCode === 0 && plan.stdout.includes('No changes.'),
      output: runs.map((r) => r.output).join('\n----\n'),
    };
  } finally {
    await emulator.close();
  }
}

describe('two applies at once on a new domain', () => {
  it(`${TRIALS} trials: zero duplicates, every trial converged`, { timeout: 600_000 }, async () => {
    const results = [];
    for (let i = 0; i < TRIALS; i += 1) results.push(await trial());
    const report = results.map((r, i) => ({
      trial: i,
      codes: r.codes,
      duplicates: r.duplicates,
      missingGrants: r.missingGrants,
      converged: r.converged,
    }));
    expect(
      report.flatMap((r) => r.duplicates),
      JSON.stringify(report),
    ).toEqual([]);
    expect(
      report.flatMap((r) => r.missingGrants),
      JSON.stringify(report),
    ).toEqual([]);
    expect(
      report.filter((r) => !r.converged),
      JSON.stringify(report),
    ).toEqual([]);
    // Both concurrent runs themselves succeed: the loser of each race adopts what the winner made.
    expect(
      report.filter((r) => r.codes.some((c) => c !== 0)),
      results
        .filter((r) => r.codes.some((c) => c !== 0))
        .map((r) => r.output.slice(-3000))
        .join('\n====\n'),
    ).toEqual([]);
  });
});
