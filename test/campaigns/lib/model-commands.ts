/**
 * The model campaign's commands: what fast-check draws, and how an edit changes the desired state.
 * Edits change a project's description, add a pool project or one on the fixed profile, tombstone
 * or revive a project, and toggle REGION_X in the fixed account's Tooling configuration; the other
 * commands plan, report drift, apply (a saved plan or afresh, interrupted or not), change the cloud out of band
 * (a project's description, delete a project, set the fixed profile DISABLED, drop the fixed
 * profile's region from its account's Tooling configuration), and arm wire faults or the emulator's project deployment and lifecycle faults.
 */
import fc from 'fast-check';
import type { ProjectFaultSpecs } from '../../../src/emulator/knobs/project-faults.js';
import type { FaultSpec } from '../../../src/emulator/server.js';
import type { Desired } from './model-org.js';

/** Edits of the desired state. */
export type EditOp =
  'describe' | 'add' | 'addFixed' | 'tombstone' | 'revive' | 'region' | 'poolRegion' | 'studio';

/** One command of a sequence. */
export type ModelCommand =
  | { t: 'edit'; op: EditOp; i: number }
  | { t: 'plan' }
  | { t: 'drift' }
  | { t: 'applySaved' }
  | { t: 'apply'; allowReplace: boolean }
  | { t: 'outOfBand'; op: 'describe' | 'delete' | 'disableProfile' | 'dropRegion'; i: number }
  | { t: 'fault'; level: number }
  | { t: 'projectFault'; kind: ProjectFaultKind }
  | { t: 'interrupt'; after: number }
  | { t: 'concurrentApply' }
  | { t: 'protectionRemoval'; i: number };

/** Which project operation a `projectFault` command fails next. */
export type ProjectFaultKind = 'deploy' | 'validate' | 'update' | 'delete';

/** The arbitrary of one command (weighted so that a short sequence meets the newer commands). */
export const commandArb: fc.Arbitrary<ModelCommand> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      op: fc.constantFrom<EditOp>(
        'describe',
        'add',
        'addFixed',
        'tombstone',
        'revive',
        'region',
        'poolRegion',
        'studio',
      ),
      i: fc.nat(20),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ t: 'plan' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'drift' as const }) },
  { weight: 2, arbitrary: fc.constant({ t: 'applySaved' as const }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('apply' as const), allowReplace: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('outOfBand' as const),
      op: fc.constantFrom(
        'describe' as const,
        'delete' as const,
        'disableProfile' as const,
        'dropRegion' as const,
      ),
      i: fc.nat(20),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('fault' as const), level: fc.nat(3) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('projectFault' as const),
      kind: fc.constantFrom<ProjectFaultKind>('deploy', 'validate', 'update', 'delete'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('interrupt' as const), after: fc.integer({ min: 1, max: 12 }) }),
  },
  // Issue 19: two applies at once, and lifting protection with the delete (model-safety.ts).
  { weight: 1, arbitrary: fc.constant({ t: 'concurrentApply' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('protectionRemoval' as const), i: fc.nat(3) }) },
);

/** Wire fault levels a `fault` command picks from. */
export const FAULT_LEVELS: FaultSpec[][] = [
  [],
  [{ operation: '*', throttlePct: 15 }],
  [{ operation: '*', throttlePct: 10, error500Pct: 5, resetPct: 2 }],
  [{ operation: '*', error500Pct: 10, commitThenFailPct: 5 }],
];

/** What a `projectFault` command arms: the next matching deployment, update or delete fails. */
export const PROJECT_FAULTS: Record<ProjectFaultKind, ProjectFaultSpecs> = {
  deploy: { deployments: [{ projects: ['*'], status: 'FAILED_DEPLOYMENT', count: 1 }] },
  validate: { deployments: [{ projects: ['*'], status: 'FAILED_VALIDATION', count: 1 }] },
  update: { lifecycle: [{ projects: ['*'], status: 'UPDATE_FAILED', count: 1 }] },
  delete: { lifecycle: [{ projects: ['*'], status: 'DELETE_FAILED', count: 1 }] },
};

/**
 * Applies one edit to `desired` in place. Adding REGION_X brings profile `fixed-x` and, for odd
 * `i`, a project on it in the same edit (so the region and the project land in one apply);
 * removing it tombstones the projects on `fixed-x` and the profile. The pool region edit does the
 * same through the pool: a region added to the generated account's configurations and its pool-0
 * entry, with (for odd `i`) a pool project placed there in the same edit. A Studio edit changes a
 * Studio domain's tag, or tombstones or revives it, in the home account or the fixed one.
 */
export function edit(desired: Desired, op: EditOp, i: number): void {
  const p = desired.projects[i % desired.projects.length]!;
  const n = desired.projects.length;
  switch (op) {
    case 'describe':
      p.description = `edited ${desired.version + 1}`;
      break;
    case 'add':
      desired.projects.push({ name: `extra-${n}`, description: 'added', absent: false, profile: 'pool' });
      break;
    case 'addFixed':
      desired.projects.push({ name: `fixed-${n}`, description: 'fixed', absent: false, profile: 'fixed' });
      break;
    case 'tombstone':
      p.absent = true;
      break;
    case 'revive':
      // A project on fixed-x comes back only while its profile is declared (else the manifests are wrong).
      if ((p.profile !== 'fixed-x' || desired.regionX) && (!p.inPoolRegion || desired.poolRegion))
        p.absent = false;
      break;
    case 'region':
      desired.regionX = !desired.regionX;
      if (desired.regionX && i % 2 === 1)
        desired.projects.push({
          name: `regional-${n}`,
          description: 'regional',
          absent: false,
          profile: 'fixed-x',
        });
      if (!desired.regionX) for (const q of desired.projects) if (q.profile === 'fixed-x') q.absent = true;
      break;
    case 'studio': {
      // Even i: a new `stage` tag; odd i: tombstone or revive. i/2 picks the account.
      const studio = desired.studios[Math.floor(i / 2) % desired.studios.length]!;
      if (i % 2 === 0) studio.stage = `s${desired.version + 1}`;
      else studio.absent = !studio.absent;
      break;
    }
    case 'poolRegion':
      desired.poolRegion = !desired.poolRegion;
      if (desired.poolRegion && i % 2 === 1)
        desired.projects.push({
          name: `pooled-${n}`,
          description: 'pool region',
          absent: false,
          profile: 'pool',
          inPoolRegion: true,
        });
      if (!desired.poolRegion) for (const q of desired.projects) if (q.inPoolRegion) q.absent = true;
      break;
    default: {
      const never: never = op;
      throw new Error(`unknown edit ${String(never)}`);
    }
  }
}

/**
 * A hand-written sequence that meets every situation issue 13 is about at least once: after a first
 * apply, a regional
 * project with its region and a pool-region project with its region in one apply, a fixed-profile
 * project, an injected failed deployment shown by plan and redeployed, a failed update re-sent, a
 * failed delete retried, both regions removed again, a new project on a profile someone disabled
 * (declared ENABLED: re-enabled first) whose region someone removed from its account's Tooling
 * (put back first), and "No changes" checked by the oracle. The
 * small campaign runs it before its random sequences.
 */
export const TOUR: ModelCommand[] = [
  { t: 'apply', allowReplace: false },
  { t: 'edit', op: 'region', i: 1 },
  { t: 'edit', op: 'poolRegion', i: 1 },
  { t: 'edit', op: 'addFixed', i: 0 },
  { t: 'edit', op: 'studio', i: 2 },
  { t: 'projectFault', kind: 'deploy' },
  { t: 'apply', allowReplace: false },
  { t: 'plan' },
  { t: 'apply', allowReplace: false },
  { t: 'plan' },
  { t: 'edit', op: 'describe', i: 0 },
  { t: 'projectFault', kind: 'update' },
  { t: 'apply', allowReplace: false },
  { t: 'apply', allowReplace: false },
  { t: 'edit', op: 'tombstone', i: 3 },
  { t: 'projectFault', kind: 'delete' },
  { t: 'apply', allowReplace: false },
  { t: 'apply', allowReplace: false },
  { t: 'edit', op: 'region', i: 0 },
  { t: 'edit', op: 'poolRegion', i: 0 },
  { t: 'edit', op: 'studio', i: 3 },
  { t: 'apply', allowReplace: false },
  { t: 'plan' },
  { t: 'outOfBand', op: 'disableProfile', i: 0 },
  { t: 'outOfBand', op: 'dropRegion', i: 0 },
  { t: 'edit', op: 'addFixed', i: 0 },
  { t: 'plan' },
  { t: 'apply', allowReplace: false },
  { t: 'plan' },
  { t: 'drift' },
];
