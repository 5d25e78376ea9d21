/**
 * The words and symbols every plan renderer shares: one entry per action, change reason and
 * refusal reason. The tables are mapped types over the unions, so adding an action or a reason
 * fails to compile until each renderer knows how to show it.
 */
import type { FieldChange } from '../diff/diff.js';
import { formatAddress, type Address } from '../model/identity.js';
import type { Action, Change, ChangeReason, Plan, RefusalReason } from '../plan/types.js';
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
  unread: 'its live value could not be read (its Get failed)',
  'form-revised': 'a form type it requires gets a new revision in this plan: apply pins the rule to it',
  'new-revision': 'its model or description changed: apply records a new revision (CreateFormType)',
};

/** How an unread resource is shown: a noop only because nothing about it could be decided. */
const UNREAD_LABEL: ActionLabel = { symbol: '!', title: 'Not read', verb: 'is left alone', color: 'yellow' };

/**
 * How one change is shown: its action's label, except for an unread resource, which "unchanged"
 * would wrongly claim matches the manifest.
 */
export function changeLabel(change: Pick<Change, 'action' | 'reason'>): ActionLabel {
  return change.reason === 'unread' ? UNREAD_LABEL : ACTION_LABELS[change.action];
}

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
  'profile-required': 'project profile required',
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

/** Changes that apply acts on (everything but noop), plus those it reports: unmanaged and unread ones. */
export function shownChanges(plan: Plan): Plan['changes'] {
  return plan.changes.filter((c) => c.action !== 'noop' || c.reason === 'unread');
}

/** How many resources could not be read (their Get failed): a plan without them is not "in sync". */
export function unreadCount(plan: Plan): number {
  return plan.changes.filter((c) => c.reason === 'unread').length;
}

/** What a rendering reports: a plan (what apply will do) or drift (how live state differs). */
export type ReportMode = 'plan' | 'drift';

/**
 * The sentence for a plan with nothing to do, its first words passed through `strong` (bold in
 * Markdown): in sync, unless some resources could not be read, which must not read as in sync.
 */
export function nothingToDo(plan: Plan, mode: ReportMode, strong = (text: string) => text): string {
  const unread = unreadCount(plan);
  if (unread > 0) {
    const head = mode === 'drift' ? 'No drift found' : 'No changes';
    const are = unread === 1 ? 'is' : 'are';
    return `${strong(head)}, but ${plural(unread, 'resource')} could not be read and ${are} left alone.`;
  }
  return mode === 'drift'
    ? `${strong('In sync:')} live state matches the manifests.`
    : `${strong('No changes.')} Live state matches the manifests.`;
}

/** True when apply would do nothing and nothing is refused. */
export function isEmptyPlan(plan: Plan): boolean {
  const s = plan.summary;
  return s.create + s.update + s.replace + s.delete === 0 && plan.refused.length === 0;
}

/** The terminal summary line ("Plan: 2 to create, …", "Drift: …", "No changes. …" or "In sync: …"). */
export function summaryLine(plan: Plan, mode: ReportMode = 'plan'): string {
  if (isEmptyPlan(plan)) return nothingToDo(plan, mode);
  const s = plan.summary;
  // Unread resources are noops in the JSON summary, but they are not known to be unchanged.
  const unread = unreadCount(plan);
  return (
    `${mode === 'drift' ? 'Drift' : 'Plan'}: ${s.create} to create, ${s.update} to update, ` +
    `${s.replace} to replace, ${s.delete} to delete, ${s.noop - unread} unchanged, ${s.unmanaged} unmanaged` +
    (unread > 0 ? `, ${unread} not read` : '')
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

/**
 * A JSON pointer as shown to people: the root pointer `""` reads as `(whole resource)`, and the
 * pointer escapes are undone (`~1` is `/`, `~0` is `~`), so a member key reads `role/Mallory`,
 * not `role~1Mallory`. The JSON plan keeps the canonical pointer.
 */
export function displayPath(path: string): string {
  if (path === '') return '(whole resource)';
  // ~1 first, then ~0: "~01" is an escaped "~1", which must come out as "~1", not "/".
  return path.replace(/~1/g, '/').replace(/~0/g, '~');
}
