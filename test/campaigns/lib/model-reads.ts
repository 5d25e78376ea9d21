/**
 * What the model campaign reads between commands: a saved plan's actionable changes, deletes and
 * reasons, each live project's identity and description (to judge staleness), and whether a
 * declared project is left DELETE_FAILED (the final applies then allow a replace).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { RunningEmulator } from '../../../src/emulator/server.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';
import type { SavedPlan } from '../../../src/plan/types.js';
import type { Desired } from './model-org.js';

/**
 * Each live project's id and description by name: a saved plan that acts on a project whose
 * entry changed since (deleted or described out of band, or recreated) is stale.
 */
export function projectStates(emulator: RunningEmulator): Map<string, string> {
  const dz = (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
  return new Map(
    Object.values(dz.projects ?? {})
      .filter((p) => p.deletingSince === undefined)
      .map((p) => [p.name, JSON.stringify([p.id, p.description])]),
  );
}

/** Actionable changes of a saved plan, by `Kind/name`. */
export function actedOn(file: string): Set<string> {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedPlan;
  return new Set(
    saved.changes
      .filter((c) => ['create', 'update', 'replace', 'delete'].includes(c.action))
      .map((c) => `${c.address.kind}/${c.address.name}`),
  );
}

/** Whether a saved plan has a change with `reason`. */
export function hasReason(file: string, reason: string): boolean {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedPlan;
  return saved.changes.some((c) => c.reason === reason);
}

/** Whether a project the model declares present is live in DELETE_FAILED (instant durations). */
export function deleteFailedDeclared(emulator: RunningEmulator, desired: Desired): boolean {
  const dz = (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
  return Object.values(dz.projects ?? {}).some(
    (p) =>
      p.deletingSince !== undefined &&
      p.deleteFailure !== undefined &&
      desired.projects.some((q) => q.name === p.name && !q.absent),
  );
}

/** Whether a saved plan deletes anything. */
export function hasDeletes(file: string): boolean {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedPlan;
  return saved.changes.some((c) => c.action === 'delete');
}

/**
 * Writes a hand-edited copy of a saved plan (issue 19): its first noop turned into a delete
 * (reason prune) with the refusals emptied, as someone bypassing review would; undefined when the
 * plan has no noop to turn. Returns the copy's path.
 */
export function tamperedCopy(file: string): string | undefined {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedPlan;
  const target = saved.changes.find((c) => c.action === 'noop');
  if (!target) return undefined;
  target.action = 'delete';
  target.reason = 'prune';
  saved.summary.noop -= 1;
  saved.summary.delete += 1;
  saved.refused = [];
  const copy = `${file}.tampered.json`;
  writeFileSync(copy, JSON.stringify(saved, null, 2));
  return copy;
}
