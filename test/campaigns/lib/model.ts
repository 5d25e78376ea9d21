/**
 * The model-based campaign: fast-check draws sequences of commands — edit the desired state
 * (describe, add, tombstone or revive a project), plan (saving the plan), apply the saved plan,
 * apply, change the cloud out of band (describe or delete a project), set or clear faults, and
 * interrupt an apply midway — and runs them through the real CLI (in-process) against the
 * emulator. After every command: no natural key exists twice, the planted unmanaged domain is
 * untouched, no plan made after an incomplete read deletes anything, a saved plan made stale (by
 * an edit that changed the manifests, or by any change since, out of band or by an apply in
 * between, to a project it acts on) is never applied, and the canary
 * secret key appears in no output. When the sequence ends the faults stop, and the applies must
 * converge to a plan with no changes.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataZoneClient, DeleteProjectCommand, UpdateProjectCommand } from '@aws-sdk/client-datazone';
import fc from 'fast-check';
import { generateBenchOrg, type BenchOrgSize } from '../../../bench/org.js';
import type { FaultSpec } from '../../../src/emulator/server.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/server.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';
import type { SavedPlan } from '../../../src/plan/types.js';
import type { CliRun } from '../../helpers/cli.js';
import { duplicateNaturalKeys } from '../../helpers/world.js';
import { runCampaignCli } from './cli.js';
import { canary, emptyCounts, exercised, problem, type CampaignCounts } from './counts.js';
import { FAST_BEHAVIOUR } from './fault.js';
import { plantUnmanagedDomain } from './unmanaged.js';

/** One command of a sequence. */
export type ModelCommand =
  | { t: 'edit'; op: 'describe' | 'add' | 'tombstone' | 'revive'; i: number }
  | { t: 'plan' }
  | { t: 'applySaved' }
  | { t: 'apply' }
  | { t: 'outOfBand'; op: 'describe' | 'delete'; i: number }
  | { t: 'fault'; level: number }
  | { t: 'interrupt'; after: number };

/** The arbitrary of one command. */
export const commandArb: fc.Arbitrary<ModelCommand> = fc.oneof(
  fc.record({
    t: fc.constant('edit' as const),
    op: fc.constantFrom('describe' as const, 'add' as const, 'tombstone' as const, 'revive' as const),
    i: fc.nat(20),
  }),
  fc.constant({ t: 'plan' as const }),
  fc.constant({ t: 'applySaved' as const }),
  fc.constant({ t: 'apply' as const }),
  fc.record({
    t: fc.constant('outOfBand' as const),
    op: fc.constantFrom('describe' as const, 'delete' as const),
    i: fc.nat(20),
  }),
  fc.record({ t: fc.constant('fault' as const), level: fc.nat(3) }),
  fc.record({ t: fc.constant('interrupt' as const), after: fc.integer({ min: 1, max: 12 }) }),
);

const SIZE: BenchOrgSize = {
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
const FAULT_LEVELS: FaultSpec[][] = [
  [],
  [{ operation: '*', throttlePct: 15 }],
  [{ operation: '*', throttlePct: 10, error500Pct: 5, resetPct: 2 }],
  [{ operation: '*', error500Pct: 10, commitThenFailPct: 5 }],
];

/** The desired state the commands edit. */
interface Desired {
  projects: { name: string; description: string; absent: boolean }[];
  version: number;
}

function yamlOf(base: string, desired: Desired): string {
  // The base organisation's projects are replaced by the model's; the rest stays as generated.
  const docs = base.split('---\n').filter((d) => !d.includes('kind: Project\n'));
  const template = base.split('---\n').find((d) => d.includes('kind: Project\n')) ?? '';
  for (const p of desired.projects) {
    let doc = template
      .replace(/name: "project-\d+"/, `name: "${p.name}"`)
      .replace(/description: project \d+/, `description: ${JSON.stringify(p.description)}`)
      .replace(/owner-\d+/, `owner-${p.name}`)
      .replace(/group-\d+-/g, `group-${p.name}-`);
    if (p.absent) doc = doc.replace('\nspec:\n', '\nlifecycle: { ensure: absent }\nspec:\n');
    docs.push(doc);
  }
  return docs.join('---\n');
}

function liveProjects(emulator: RunningEmulator): { id: string; domainId: string; name: string }[] {
  const dz = (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
  return Object.values(dz.projects ?? {})
    .filter((p) => p.deletingSince === undefined)
    .map((p) => ({ id: p.id, domainId: p.domainId, name: p.name }));
}

/**
 * Each live project's id and description by name: a saved plan that acts on a project whose
 * entry changed since (deleted or described out of band, or recreated) is stale.
 */
function projectStates(emulator: RunningEmulator): Map<string, string> {
  const dz = (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
  return new Map(
    Object.values(dz.projects ?? {})
      .filter((p) => p.deletingSince === undefined)
      .map((p) => [p.name, JSON.stringify([p.id, p.description])]),
  );
}

/** Actionable changes of a saved plan, by `Kind/name`. */
function actedOn(file: string): Set<string> {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedPlan;
  return new Set(
    saved.changes
      .filter((c) => ['create', 'update', 'replace', 'delete'].includes(c.action))
      .map((c) => `${c.address.kind}/${c.address.name}`),
  );
}

function hasDeletes(file: string): boolean {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedPlan;
  return saved.changes.some((c) => c.action === 'delete');
}

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
  const base = generateBenchOrg(seed, SIZE, DOMAIN, seed % 100);
  const desired: Desired = {
    projects: [0, 1, 2].map((j) => ({ name: `project-${j}`, description: `project ${j}`, absent: false })),
    version: 0,
  };
  const write = () => {
    mkdirSync(manifests, { recursive: true });
    writeFileSync(join(manifests, 'org.yaml'), yamlOf(base, desired));
  };
  write();
  const env = {
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const cli = async (argv: string[], interrupted?: Promise<void>): Promise<CliRun> => {
    const run = await runCampaignCli([...argv, '--endpoint-url', emulator.endpoint, '--log-level', 'debug'], {
      env,
      ...(interrupted ? { interrupted } : {}),
    });
    if (`${run.stdout}${run.stderr}`.includes(secret)) {
      counts.canariesSeen += 1;
      problem(counts, `seed ${seed}: the canary secret appeared in the output of ${argv[0]}`);
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
  const trace: string[] = [];
  try {
    const planted = await plantUnmanagedDomain(emulator, {
      accessKeyId: ACCESS_KEY,
      secretAccessKey: secret,
    });
    for (const command of commands) {
      trace.push(JSON.stringify(command));
      exercised(
        counts,
        command.t === 'edit' || command.t === 'outOfBand' ? `${command.t}.${command.op}` : command.t,
      );
      switch (command.t) {
        case 'edit': {
          const before = yamlOf(base, desired);
          const p = desired.projects[command.i % desired.projects.length]!;
          if (command.op === 'describe') p.description = `edited ${desired.version + 1}`;
          else if (command.op === 'add')
            desired.projects.push({
              name: `extra-${desired.projects.length}`,
              description: 'added',
              absent: false,
            });
          else p.absent = command.op === 'tombstone';
          // Tombstoning an absent project (or reviving a present one) leaves the manifests as they
          // were: a plan saved before such an edit is not stale, and applying it is right.
          if (yamlOf(base, desired) === before) {
            exercised(counts, 'edit.unchanged');
            break;
          }
          desired.version += 1;
          write();
          break;
        }
        case 'plan': {
          const run = await cli(['plan', manifests, '--out', planFile]);
          if (run.exitCode === 0 || run.exitCode === 2) {
            saved = { version: desired.version, projects: projectStates(emulator) };
            if (/failed for/.test(run.stderr)) exercised(counts, 'incompleteReads');
            if (/failed for/.test(run.stderr) && hasDeletes(planFile)) {
              counts.deletesAfterIncompleteObservation += 1;
              problem(counts, `seed ${seed}: a delete was planned after an incomplete read`);
            }
          }
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
          emulator.control.resetStats();
          const run = await cli(['apply', manifests, '--plan', planFile, '--auto-approve']);
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
          await cli(['apply', manifests, '--auto-approve']);
          break;
        case 'outOfBand': {
          const live = liveProjects(emulator).filter((p) => desired.projects.some((d) => d.name === p.name));
          const target = live[command.i % Math.max(1, live.length)];
          if (!target) break;
          try {
            if (command.op === 'describe')
              await oob.send(
                new UpdateProjectCommand({
                  domainIdentifier: target.domainId,
                  identifier: target.id,
                  description: `changed by someone else ${command.i}`,
                }),
              );
            else
              await oob.send(
                new DeleteProjectCommand({ domainIdentifier: target.domainId, identifier: target.id }),
              );
          } catch {
            // An injected fault may refuse the change, or commit it and then fail; whether a saved
            // plan went stale is judged from the projects themselves (see projectStates).
          }
          break;
        }
        case 'fault':
          emulator.control.setFaults(FAULT_LEVELS[command.level % FAULT_LEVELS.length]!);
          break;
        case 'interrupt': {
          let stop!: () => void;
          const interrupted = new Promise<void>((resolve) => (stop = resolve));
          let seen = 0;
          const off = emulator.control.on('request', (event) => {
            if (event.mutating && ++seen === command.after) stop();
          });
          await cli(['apply', manifests, '--auto-approve'], interrupted);
          off();
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
    emulator.control.clearFaults();
    let exit = -1;
    for (let attempt = 0; attempt < 4 && exit !== 0; attempt++)
      exit = (await cli(['apply', manifests, '--auto-approve'])).exitCode;
    const final = await cli(['plan', manifests, '--detailed-exitcode']);
    if (exit === 0 && final.exitCode === 0) counts.converged += 1;
    else
      problem(
        counts,
        `seed ${seed}: did not converge (apply ${exit}, plan ${final.exitCode}) after ${trace.join(' ')}\n${final.stdout.slice(0, 400)}`,
      );
  } finally {
    oob.destroy();
    await emulator.close();
  }
}

/** Runs `runs` sequences of `length` commands (fast-check, seeded). */
export async function runModelCampaign(
  runs: number,
  length: number,
  seed = 20261125,
): Promise<CampaignCounts> {
  const counts = emptyCounts();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(commandArb, { minLength: length, maxLength: length }), async (commands) => {
      n += 1;
      await runSequence(commands, seed + n, counts);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return counts;
}
