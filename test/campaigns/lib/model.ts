/**
 * The model-based campaign: fast-check draws sequences of commands (model-commands.ts) — edit the
 * desired state (model-org.ts: pool projects, projects on a profile fixed to an associated
 * account, a blueprint region toggled with a project placed in it), plan (saving the plan), apply
 * the saved plan, apply, change the cloud out of band, set wire faults, arm project deployment and
 * lifecycle faults, and interrupt an apply midway — and runs them through the real CLI
 * (in-process) against the emulator. After every command: no natural key exists twice, the
 * planted unmanaged domain is untouched, no plan made after an incomplete read deletes anything, a
 * saved plan made stale (by an edit that changed the manifests, or by any change since, out of
 * band or by an apply in between, to a project it acts on) is never applied, the canary secret key
 * appears in no output, a plan that says "No changes" is confirmed by an independent read of the
 * live state (model-oracle.ts), and an apply that fails fails only for an injected cause. When the
 * sequence ends the faults stop, and the applies must converge to a plan with no changes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataZoneClient } from '@aws-sdk/client-datazone';
import fc from 'fast-check';
import { generateBenchOrg, type BenchOrgSize } from '../../../bench/org.js';
import { startEmulator } from '../../../src/emulator/server.js';
import type { CliRun } from '../../helpers/cli.js';
import { duplicateNaturalKeys } from '../../helpers/world.js';
import { grantDocuments, missingGrants } from './grants.js';
import { runCampaignCli } from './cli.js';
import { canary, emptyCounts, exercised, problem, type CampaignCounts } from './counts.js';
import { FAST_BEHAVIOUR } from './fault.js';
import { commandArb, edit, FAULT_LEVELS, PROJECT_FAULTS, type ModelCommand } from './model-commands.js';
import { observeApply, snapshot } from './model-observe.js';
import {
  actedOn,
  deleteFailedDeclared,
  hasDeletes,
  hasReason,
  projectStates,
  tamperedCopy,
} from './model-reads.js';
import { outOfBand } from './model-oob.js';
import { applyFailureViolations, failedLines, injectedCause, oracle } from './model-oracle.js';
import {
  fixedAccountOf,
  generatedAccount,
  generatedRegions,
  initialDesired,
  poolRegionOf,
  yamlOf,
  type Desired,
} from './model-org.js';
import { concurrentApply, protectionRemoval } from './model-safety.js';
import { plantUnmanagedDomain } from './unmanaged.js';

/** The generated organisation every sequence starts from (the findings' reproductions use it too). */
export const MODEL_ORG_SIZE: BenchOrgSize = {
  units: 1,
  associations: 1,
  pools: 1,
  accountsPerPool: 1,
  profiles: 1,
  projects: 3,
  membersPerProject: 1,
};
const DOMAIN = 'model-data';
const ACCESS_KEY = 'AKIAEMULATORMODEL001';

/** Runs one command sequence against a fresh emulator and adds its counts. */
export async function runSequence(
  commands: readonly ModelCommand[],
  seed: number,
  counts: CampaignCounts,
): Promise<void> {
  counts.runs += 1;
  const secret = canary(seed);
  const emulator = await startEmulator({
    port: 0,
    seed,
    behaviour: { ...FAST_BEHAVIOUR, defaultPageSize: 25 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'smus-model-'));
  const planFile = join(dir, 'saved-plan.json');
  const manifests = join(dir, 'manifests');
  const d = seed % 100;
  const base = generateBenchOrg(seed, MODEL_ORG_SIZE, DOMAIN, d);
  const fixedAccount = fixedAccountOf(d);
  const desired: Desired = initialDesired();
  const truth = {
    emulator,
    domain: DOMAIN,
    fixedAccount,
    generated: {
      account: generatedAccount(base),
      regions: generatedRegions(base),
      poolRegion: poolRegionOf(base),
    },
  };
  // Grants ride along in every sequence: each apply (interrupted, concurrent, faulted) may add them.
  const yaml = () => yamlOf(base, desired, DOMAIN, fixedAccount) + grantDocuments(DOMAIN);
  const write = () => {
    mkdirSync(manifests, { recursive: true });
    writeFileSync(join(manifests, 'org.yaml'), yaml());
  };
  write();
  const env = {
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const trace: string[] = [];
  const cli = async (argv: string[], interrupted?: Promise<void>, cwd?: string): Promise<CliRun> => {
    const run = await runCampaignCli([...argv, '--endpoint-url', emulator.endpoint, '--log-level', 'debug'], {
      env,
      ...(interrupted ? { interrupted } : {}),
      ...(cwd ? { cwd } : {}),
    });
    if (`${run.stdout}${run.stderr}`.includes(secret)) {
      counts.canariesSeen += 1;
      problem(counts, `seed ${seed}: the canary secret appeared in the output of ${argv[0]}`);
    }
    return run;
  };
  /** A plan that said "No changes": the oracle reads the live state and must agree. */
  const confirmNoChanges = async (what: string) => {
    exercised(counts, 'noChanges.checkedByOracle');
    const wrong = await oracle(truth, desired);
    // A declared grant not live is as false a "No changes" as a field not as declared.
    const missing = missingGrants(emulator.world, yaml());
    counts.missingGrants += missing.length;
    wrong.push(...missing.map((g) => `${g} is not live`));
    if (wrong.length === 0) return;
    counts.falseNoChanges += 1;
    problem(
      counts,
      `seed ${seed}: ${what} said No changes, but ${wrong.join('; ')} after ${trace.join(' ')}`,
    );
  };
  /** An apply: what it did is observed, and a failure must have an injected cause. */
  const apply = async (argv: string[], interrupted?: Promise<void>): Promise<CliRun> => {
    const before = snapshot(emulator, DOMAIN, fixedAccount, truth.generated.account);
    const run = await cli(argv, interrupted);
    observeApply(counts, desired, before, snapshot(emulator, DOMAIN, fixedAccount, truth.generated.account));
    if (run.exitCode !== 1) return run;
    const output = `${run.stdout}\n${run.stderr}`;
    const failed = failedLines(output);
    const unexplained = applyFailureViolations(output);
    exercised(counts, 'applyFailed.injected', failed.length - unexplained.length);
    // An interrupted apply stops starting changes: no `failed:` line, only `not started:` ones.
    if (failed.length === 0 && interrupted && /not started: /.test(output))
      exercised(counts, 'interrupt.stopped');
    else if (failed.length === 0 && !injectedCause(output))
      unexplained.push(`(no failed: line) ${output.trim().split('\n').slice(-3).join(' | ')}`);
    for (const line of unexplained) {
      counts.applyFailuresPlanCouldKnow += 1;
      problem(
        counts,
        `seed ${seed}: apply failed for a reason the plan could know: ${line.trim()} after ${trace.join(' ')}`,
      );
    }
    return run;
  };
  const oob = new DataZoneClient({
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAEMULATOROTHER001', secretAccessKey: 'someone-else' },
    maxAttempts: 1,
  });
  let saved: { version: number; projects: Map<string, string> } | undefined;
  try {
    const planted = await plantUnmanagedDomain(emulator, {
      accessKeyId: ACCESS_KEY,
      secretAccessKey: secret,
    });
    for (const command of commands) {
      trace.push(JSON.stringify(command));
      exercised(
        counts,
        command.t === 'edit' || command.t === 'outOfBand'
          ? `${command.t}.${command.op}`
          : command.t === 'projectFault'
            ? `projectFault.${command.kind}`
            : command.t,
      );
      switch (command.t) {
        case 'edit': {
          const before = yaml();
          edit(desired, command.op, command.i);
          // Tombstoning an absent project (or reviving a present one) leaves the manifests as they
          // were: a plan saved before such an edit is not stale, and applying it is right.
          if (yaml() === before) {
            exercised(counts, 'edit.unchanged');
            break;
          }
          desired.version += 1;
          write();
          break;
        }
        case 'plan': {
          const run = await cli(['plan', manifests, '--out', planFile, '--detailed-exitcode']);
          if (run.exitCode === 0 || run.exitCode === 2) {
            saved = { version: desired.version, projects: projectStates(emulator) };
            if (/failed for/.test(run.stderr)) exercised(counts, 'incompleteReads');
            if (/failed for/.test(run.stderr) && hasDeletes(planFile)) {
              counts.deletesAfterIncompleteObservation += 1;
              problem(counts, `seed ${seed}: a delete was planned after an incomplete read`);
            }
            if (hasReason(planFile, 'deployment-failed')) exercised(counts, 'plan.showsFailedStatus');
          }
          if (run.exitCode === 0) await confirmNoChanges('plan');
          break;
        }
        case 'drift': {
          // Drift exit 0 says the live state is as declared: the same claim as "No changes".
          const run = await cli(['drift', manifests]);
          exercised(counts, `drift.exit${run.exitCode}`);
          if (run.exitCode === 0) await confirmNoChanges('drift');
          break;
        }
        case 'applySaved': {
          if (!saved) break;
          const acts = actedOn(planFile);
          const now = projectStates(emulator);
          const changed = [...new Set([...saved.projects.keys(), ...now.keys()])]
            .filter((name) => saved?.projects.get(name) !== now.get(name))
            .map((name) => `Project/${name}`);
          const stale = saved.version !== desired.version || changed.some((k) => acts.has(k));
          // A hand-edited copy first (a delete written in, refusals emptied): never executed.
          const tampered = tamperedCopy(planFile);
          if (tampered) {
            emulator.control.resetStats();
            const forged = await apply(['apply', manifests, '--plan', tampered, '--auto-approve']);
            const forgedMutating = emulator.control.stats().mutating;
            exercised(counts, forged.exitCode === 3 ? 'tamperedRefused' : `tamperedExit${forged.exitCode}`);
            if (forged.exitCode === 0 || forgedMutating > 0) {
              counts.tamperedPlansExecuted += 1;
              problem(
                counts,
                `seed ${seed}: a tampered plan was applied (exit ${forged.exitCode}, ${forgedMutating} mutating calls)`,
              );
            }
          }
          emulator.control.resetStats();
          const run = await apply(['apply', manifests, '--plan', planFile, '--auto-approve']);
          const mutating = emulator.control.stats().mutating;
          if (stale && acts.size > 0)
            exercised(counts, run.exitCode === 3 ? 'staleRefused' : `staleExit${run.exitCode}`);
          if (stale && (run.exitCode === 0 || mutating > 0) && acts.size > 0) {
            counts.stalePlansApplied += 1;
            problem(
              counts,
              `seed ${seed}: a stale plan was applied (exit ${run.exitCode}, ${mutating} mutating calls)`,
            );
          }
          saved = undefined;
          break;
        }
        case 'apply':
          await apply([
            'apply',
            manifests,
            '--auto-approve',
            ...(command.allowReplace ? ['--allow-replace'] : []),
          ]);
          break;
        case 'outOfBand':
          await outOfBand(oob, emulator, desired, command, fixedAccount);
          break;
        case 'fault':
          emulator.control.setFaults(FAULT_LEVELS[command.level % FAULT_LEVELS.length]!);
          break;
        case 'projectFault':
          emulator.control.setProjectFaults(PROJECT_FAULTS[command.kind]);
          break;
        case 'interrupt': {
          let stop!: () => void;
          const interrupted = new Promise<void>((resolve) => (stop = resolve));
          let seen = 0;
          const off = emulator.control.on('request', (event) => {
            if (event.mutating && ++seen === command.after) stop();
          });
          await apply(['apply', manifests, '--auto-approve'], interrupted);
          off();
          break;
        }
        case 'concurrentApply':
        case 'protectionRemoval': {
          const step = {
            emulator,
            counts,
            seed,
            domain: DOMAIN,
            manifests,
            yaml,
            cli: (a: string[], cwd?: string) => cli(a, undefined, cwd),
          };
          await (command.t === 'concurrentApply'
            ? concurrentApply(step)
            : protectionRemoval(step, command.i));
          break;
        }
        default:
          break;
      }
      const dups = duplicateNaturalKeys(emulator.world);
      if (dups.length > 0) {
        counts.duplicates += dups.length;
        problem(counts, `seed ${seed}: duplicates ${dups.join(', ')} after ${trace.join(' ')}`);
        break;
      }
      if (!planted.untouched()) {
        counts.unmanagedOrProtectedTouched += 1;
        problem(counts, `seed ${seed}: the unmanaged domain was touched`);
        break;
      }
    }
    // The faults stop (wire and project alike). A declared project left DELETE_FAILED can only be
    // recreated, a replace: the final applies allow it exactly when the world holds one.
    emulator.control.clearFaults();
    emulator.control.setProjectFaults({});
    let exit = -1;
    for (let attempt = 0; attempt < 4 && exit !== 0; attempt++) {
      const replace = deleteFailedDeclared(emulator, desired);
      if (replace) exercised(counts, 'final.allowReplace');
      exit = (await apply(['apply', manifests, '--auto-approve', ...(replace ? ['--allow-replace'] : [])]))
        .exitCode;
    }
    const final = await cli(['plan', manifests, '--detailed-exitcode']);
    if (final.exitCode === 0) await confirmNoChanges('the final plan');
    if (final.exitCode === 0) {
      // The oracle is not blind: the same live state against a desired state one edit away differs.
      const probe = structuredClone(desired);
      const present = probe.projects.find((p) => !p.absent);
      if (present) present.description = 'never applied';
      probe.regionX = !probe.regionX;
      const seen = await oracle(truth, probe);
      if (seen.length >= (present ? 2 : 1)) exercised(counts, 'oracle.sensitive');
      else
        problem(
          counts,
          `seed ${seed}: the oracle did not see a desired state one edit away (${seen.join('; ')})`,
        );
    }
    if (exit === 0 && final.exitCode === 0) counts.converged += 1;
    else
      problem(
        counts,
        `seed ${seed}: did not converge (apply ${exit}, plan ${final.exitCode}) after ${trace.join(' ')}\n${final.stdout.slice(0, 600)}${final.stderr.slice(0, 400)}`,
      );
  } finally {
    oob.destroy();
    await emulator.close();
  }
}

/**
 * Runs `runs` sequences of `length` commands (fast-check, seeded), after the hand-written
 * `examples` if any (each one more run).
 */
export async function runModelCampaign(
  runs: number,
  length: number,
  seed = 20261125,
  examples: readonly (readonly ModelCommand[])[] = [],
): Promise<CampaignCounts> {
  const counts = emptyCounts();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(commandArb, { minLength: length, maxLength: length }), async (commands) => {
      n += 1;
      await runSequence(commands, seed + n, counts);
    }),
    { numRuns: runs + examples.length, seed, endOnFailure: true, examples: examples.map((e) => [[...e]]) },
  );
  return counts;
}
