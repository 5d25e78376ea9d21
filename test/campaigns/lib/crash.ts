/**
 * The crash campaign: the example's apply runs as a real subprocess and is killed with SIGKILL,
 * right after its k-th committed mutating request (each k asked for) or after a random time; a
 * rerun must then converge with no duplicate, leave a planted unmanaged domain alone, and a
 * further apply must make zero mutating calls. The tool's secret key is a canary that no output
 * of any run may contain.
 */
import { spawn } from 'node:child_process';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/server.js';
import { runCli } from '../../helpers/cli.js';
import { prng } from '../../helpers/generate.js';
import { duplicateNaturalKeys } from '../../helpers/world.js';
import { runCampaignCli } from './cli.js';
import { canary, emptyCounts, exercised, problem, type CampaignCounts } from './counts.js';
import { FAST_BEHAVIOUR } from './fault.js';
import { missingGrants } from './grants.js';
import { plantUnmanagedDomain } from './unmanaged.js';

const APPLY = ['apply', 'manifests-example', '--auto-approve', '--log-level', 'debug'];
const BEHAVIOUR = { ...FAST_BEHAVIOUR, externalAccountIds: ['777788889999'] };
const ACCESS_KEY = 'AKIAEMULATORCRASH001';

function env(secret: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** When to kill: after the k-th committed mutating request, or after `ms` milliseconds. */
export type KillPoint = { afterMutating: number } | { afterMs: number };

/** Runs the CLI apply as a subprocess and kills it at the point; resolves with its output. */
function applyKilled(
  emulator: RunningEmulator,
  at: KillPoint,
  secret: string,
): Promise<{ killed: boolean; output: string; lastMutating?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/smus-gitops.js', ...APPLY, '--endpoint-url', emulator.endpoint],
      {
        env: { ...process.env, ...env(secret) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    let seen = 0;
    let lastMutating: string | undefined;
    const off = emulator.control.on('request', (event) => {
      if (!event.mutating || event.status >= 500) return;
      seen += 1;
      if (!killed) lastMutating = event.operation;
      if ('afterMutating' in at && seen === at.afterMutating) kill();
    });
    const timer = 'afterMs' in at ? setTimeout(kill, at.afterMs) : undefined;
    child.on('error', reject);
    child.on('exit', (code) => {
      off();
      if (timer) clearTimeout(timer);
      // A run that finished before its kill point is not a crash, but still a valid run.
      resolve({ killed: killed && code !== 0, output, lastMutating });
    });
  });
}

/** Mutating requests and wall time of a clean example apply (to place the kill points). */
export async function cleanApply(): Promise<{ mutating: number; wallMs: number }> {
  const emulator = await startEmulator({ port: 0, behaviour: BEHAVIOUR });
  try {
    const began = Date.now();
    const run = await runCli([...APPLY, '--endpoint-url', emulator.endpoint], { env: env(canary(0)) });
    if (run.exitCode !== 0) throw new Error(`the clean apply failed: ${run.stderr}`);
    return { mutating: emulator.control.stats().mutating, wallMs: Date.now() - began };
  } finally {
    await emulator.close();
  }
}

/** Runs one crash per kill point. */
export async function runCrashCampaign(points: readonly KillPoint[], seed = 1): Promise<CampaignCounts> {
  const counts = emptyCounts();
  for (const [i, at] of points.entries()) {
    counts.runs += 1;
    const secret = canary(seed + i);
    const emulator = await startEmulator({ port: 0, seed: seed + i, behaviour: BEHAVIOUR });
    const where = 'afterMutating' in at ? `k=${at.afterMutating}` : `t=${at.afterMs}ms`;
    try {
      const planted = await plantUnmanagedDomain(emulator, {
        accessKeyId: ACCESS_KEY,
        secretAccessKey: secret,
      });
      const crashed = await applyKilled(emulator, at, secret);
      exercised(counts, crashed.killed ? 'killedMidApply' : 'finishedBeforeKill');
      // Kills right after a grant was written are where a grant could be lost or added twice.
      if (crashed.killed && /PolicyGrant$/.test(crashed.lastMutating ?? ''))
        exercised(counts, `killedAfter${crashed.lastMutating}`);
      const rerun = await runCampaignCli([...APPLY, '--endpoint-url', emulator.endpoint], {
        env: env(secret),
      });
      emulator.control.resetStats();
      const again = await runCampaignCli([...APPLY, '--endpoint-url', emulator.endpoint], {
        env: env(secret),
      });
      const mutating = emulator.control.stats().mutating;
      if (rerun.exitCode === 0 && again.exitCode === 0 && mutating === 0) counts.converged += 1;
      else
        problem(
          counts,
          `${where}: rerun ${rerun.exitCode}, again ${again.exitCode} with ${mutating} mutating calls: ${rerun.stderr.slice(0, 200)}`,
        );
      const dups = duplicateNaturalKeys(emulator.world);
      if (dups.length > 0) {
        counts.duplicates += dups.length;
        problem(counts, `${where}: duplicates ${dups.join(', ')}`);
      }
      const missing = missingGrants(emulator.world, { dir: 'manifests-example' });
      exercised(counts, 'grantsAudited', 1);
      if (missing.length > 0) {
        counts.missingGrants += missing.length;
        problem(counts, `${where}: grants missing ${missing.join(', ')}`);
      }
      if (!planted.untouched()) {
        counts.unmanagedOrProtectedTouched += 1;
        problem(counts, `${where}: the unmanaged domain was touched`);
      }
      const outputs = [crashed.output, rerun.stdout, rerun.stderr, again.stdout, again.stderr];
      if (outputs.some((o) => o.includes(secret))) {
        counts.canariesSeen += 1;
        problem(counts, `${where}: the canary secret appeared in output`);
      }
    } finally {
      await emulator.close();
    }
  }
  return counts;
}

/** `n` kill points at random times within `wallMs`. */
export function randomKillPoints(n: number, wallMs: number, seed = 1): KillPoint[] {
  const random = prng(seed);
  return Array.from({ length: n }, () => ({ afterMs: Math.floor(random() * wallMs) }));
}
