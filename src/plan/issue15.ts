/**
 * Issue 15 additions to the planner, kept apart so the planner stays small: the tool's own unit
 * ownership is no drift unless declared (as its project membership), and a profile template's
 * expansion is said in the plan's notes.
 */
import type { NormalDomainUnit } from '../model/normalized.js';
import type { LiveResource } from '../live/types.js';
import type { DesiredResource } from './desired.js';

/**
 * The tool's own ownership of a unit it created (DataZone makes the creator an owner) is not drift
 * unless declared. The same holds for a Domain, whose `owners` are its root unit's.
 */
export function withoutCallerOwnership(
  live: LiveResource,
  desired: DesiredResource | undefined,
  callerArn: string,
): object | undefined {
  // NormalDomain and NormalDomainUnit carry `owners` the same way.
  const unit = live.normal as NormalDomainUnit;
  if (!unit.owners) return unit;
  const declared = (desired?.normal as NormalDomainUnit | undefined)?.owners ?? [];
  const owners = unit.owners.filter((o) => o !== `user:${callerArn}` || declared.includes(o));
  return { ...unit, owners: owners.length > 0 ? owners : undefined };
}

/** Issue 15: what a profile template expanded to, said where the profile is put. */
export function templateNotes(resolved: readonly DesiredResource[], putKeys: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  // Most plans put no profile: asked of every desired resource, so the key is checked first.
  if (putKeys.size === 0) return notes;
  for (const d of resolved) {
    const m = d.manifest;
    if (m.kind !== 'ProjectProfile' || !m.spec?.template || !putKeys.has(d.key)) continue;
    const count = m.spec.environments?.length ?? 0;
    notes.push(
      `ProjectProfile/${d.address.name}: template ${m.spec.template} → ${count} environment configurations`,
    );
  }
  return notes;
}
