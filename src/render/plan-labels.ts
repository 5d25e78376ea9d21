/**
 * The words and symbols every plan renderer shares: one entry per action, change reason and
 * refusal reason. The tables are mapped types over the unions, so adding an action or a reason
 * fails to compile until each renderer knows how to show it.
 */
import type { FieldChange } from '../diff/diff.js';
import { formatAddress, type Address } from '../model/identity.js';
import type { Action, ChangeReason, Plan, RefusalReason } from '../plan/types.js';
import type { Color } from './plan-colors.js';

/** How one action is shown. */
export interface ActionLabel {
  /** Terminal and Markdown marker (`+`, `~`, `-/+`, `-`, `?`). */
  symbol: string;
  /** The summary-table and summary-line word. */
  title: string;
  /** What happens to the resource, as a predicate ("will be created"). */
  verb: string;
  /** Terminal colour of the change's heading; undefined prints it plain. */
  color: Color | undefined;
}

/** One label per action (a missing action fails to compile). */
export const ACTION_LABELS: { readonly [A in Action]: ActionLabel } = {
  create: { symbol: '+', title: 'Create', verb: 'will be created', color: 'green' },
  update: { symbol: '~', title: 'Update', verb: 'will be updated in place', color: 'yellow' },
  replace: { symbol: '-/+', title: 'Replace', verb: 'will be deleted and created again', color: 'magenta' },
  delete: { symbol: '-', title: 'Delete', verb: 'will be deleted', color: 'red' },
  noop: { symbol: ' ', title: 'Unchanged', verb: 'is unchanged', color: undefined },
  unmanaged: {
    symbol: '?',
    title: 'Unmanaged',
    verb: 'is unmanaged (reported only, never touched)',
    color: 'dim',
  },
};

/** Why an action was chosen, as the end of "… because <reason>". */
export const REASON_TEXT: { readonly [R in ChangeReason]: string } = {
  missing: 'it is declared but does not exist',
  drifted: 'live fields differ from the manifest',
  adopt: 'it exists live but smus-gitops did not create it: apply adopts it (and updates any fields listed)',
  'immutable-field': 'a field that cannot be updated changed',
  'parent-replaced': 'its parent is replaced',
  tombstone: 'its manifest sets lifecycle.ensure: absent',
  prune: 'it is not declared and its domain prunes this kind',
  'deployment-failed': 'its deployment or last lifecycle operation failed (see /status)',
  'in-sync': 'it matches the manifest',
  'not-declared': 'it is not declared and its kind is not pruned',
  absent: 'it is tombstoned and already gone',
  unread: 'its live value could not be read, so it is left as it is',
};

/** What a refusal reason means, in a few words. */
export const REFUSAL_TEXT: { readonly [R in RefusalReason]: string } = {
  protected: 'protected resource',
  'max-deletes': 'too many deletes',
  ambiguous: 'ambiguous identity',
  'incomplete-observation': 'incomplete observation',
  'unresolved-reference': 'unresolved reference',
  'target-not-ready': 'project target not ready',
  'domain-not-empty': 'domain replace would delete its contents',
  'profile-disabled': 'project profile disabled',
  'locked-override': 'override not allowed by the profile',
  'unreachable-account': 'account not reachable',
  'principal-not-found': 'member not found',
  'in-use': 'still in use',
};

/** The context an address needs beyond `Kind/name@account`: its domain and region, when set. */
export function addressContext(address: Address): string {
  const parts: string[] = [];
  if (address.domain) parts.push(`domain ${address.domain}`);
  if (address.region) parts.push(`region ${address.region}`);
  return parts.join(', ');
}

/** `Kind/name@account (domain d, region r)`: the protect-glob form plus where it lives. */
export function describeAddress(address: Address): string {
  const context = addressContext(address);
  return context ? `${formatAddress(address)} (${context})` : formatAddress(address);
}

/** `1 change`, `2 changes`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Changes that apply acts on (everything but noop), plus unmanaged ones it reports. */
export function shownChanges(plan: Plan): Plan['changes'] {
  return plan.changes.filter((c) => c.action !== 'noop');
}

/** True when apply would do nothing and nothing is refused. */
export function isEmptyPlan(plan: Plan): boolean {
  const s = plan.summary;
  return s.create + s.update + s.replace + s.delete === 0 && plan.refused.length === 0;
}

/** The terminal summary line ("Plan: 2 to create, …" or "No changes. …"). */
export function summaryLine(plan: Plan): string {
  if (isEmptyPlan(plan)) return 'No changes. Live state matches the manifests.';
  const s = plan.summary;
  return (
    `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ` +
    `${s.delete} to delete, ${s.noop} unchanged, ${s.unmanaged} unmanaged`
  );
}

/** Whether a field change is an addition, a removal or a modification. */
export type FieldShape = 'added' | 'removed' | 'changed';

/** The shape of a field change (a field with neither side counts as changed to and from null). */
export function fieldShape(field: FieldChange): FieldShape {
  const hasBefore = 'before' in field && field.before !== undefined;
  const hasAfter = 'after' in field && field.after !== undefined;
  if (hasBefore && !hasAfter) return 'removed';
  if (hasAfter && !hasBefore) return 'added';
  return 'changed';
}

/** A JSON pointer as shown to people: the root pointer `""` reads as `(whole resource)`. */
export function displayPath(path: string): string {
  return path === '' ? '(whole resource)' : path;
}
