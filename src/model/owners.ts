/**
 * Domain unit owners (issue 15). Owners are named the way project members are: `user:<identifier>`
 * (IAM ARN or IAM Identity Center user name) and `group:<name>`, so one resolver turns the API's
 * profile ids into the names manifests use, on both the plan and the apply side.
 */
import type { UnitOwner } from './manifest.js';

/** The manifest form of one owner as one token: `user:NAME` or `group:NAME`. */
export function ownerLabel(owner: UnitOwner): string {
  return owner.user !== undefined ? `user:${owner.user}` : `group:${owner.group ?? ''}`;
}

/** The normalised owner set (sorted, deduplicated); undefined when owners are not declared. */
export function normalizeOwners(owners: readonly UnitOwner[] | undefined): string[] | undefined {
  if (owners === undefined) return undefined;
  return [...new Set(owners.map(ownerLabel))].sort();
}

/** The JSON pointer of the declared owner named `label` (for located diagnostics), else of the list. */
export function ownerPointer(owners: readonly UnitOwner[] | undefined, label: string): string {
  const index = (owners ?? []).findIndex((o) => ownerLabel(o) === label);
  if (index < 0) return '/spec/owners';
  return `/spec/owners/${index}/${label.startsWith('user:') ? 'user' : 'group'}`;
}

/** The manifest form of a normalised owner token (export). */
export function ownerOfLabel(label: string): UnitOwner {
  return label.startsWith('user:')
    ? { user: label.slice('user:'.length) }
    : { group: label.slice('group:'.length) };
}
