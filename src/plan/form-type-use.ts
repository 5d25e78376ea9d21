/**
 * A form type cannot be deleted while a metadata enforcement rule requires it (DataZone refuses
 * DeleteFormType then; docs/metadata.md). Rules are read in full by the first read, so the plan
 * can tell before apply: a delete or replace of a form type that a live rule still requires after
 * the plan (the rule is not deleted, and its manifest, if any, still names the form) is refused as
 * `in-use`, located at the form type's manifest when it has one.
 */
import type { NormalMetadataRule } from '../model/form-type.js';
import { formatAddress, identityKey } from '../model/identity.js';
import type { DesiredResource } from './desired.js';
import type { PreflightInput } from './preflight.js';
import type { LiveResource } from '../live/types.js';
import type { Change, Refusal } from './types.js';

/** A required-form entry names the form type (`name`, or `name@<revision>` for a stale pin). */
function names(entry: string, form: string): boolean {
  return entry === form || entry.startsWith(`${form}@`);
}

/** The refusals of form type deletes and replaces that a rule still blocks. */
export function formTypesInUse(
  input: PreflightInput,
  locate: (d: DesiredResource | undefined, pointer: string) => string | undefined,
): Refusal[] {
  const blocked = (c: Change) =>
    c.address.kind === 'FormType' && (c.action === 'delete' || c.action === 'replace');
  // Most plans delete no form type: nothing to index then.
  if (!input.changes.some(blocked)) return [];
  const desired = input.index?.desired ?? new Map(input.desired.map((d) => [d.key, d]));
  const ruleDeleted = new Set(
    input.changes
      .filter((c) => c.address.kind === 'MetadataRule' && c.action === 'delete')
      .map((c) => identityKey(c.address)),
  );
  const refused: Refusal[] = [];
  for (const change of input.changes) {
    if (!blocked(change)) continue;
    const form = change.address.name;
    const users = input.observation.resources.filter((r) => {
      if (r.address.kind !== 'MetadataRule' || r.address.domain !== change.address.domain) return false;
      if (ruleDeleted.has(r.key)) return false;
      const live = r.normal as NormalMetadataRule | undefined;
      if (!live?.requiredForms.some((e) => names(e, form))) return false;
      const d = desired.get(r.key);
      const want = d && !d.absent ? (d.normal as NormalMetadataRule | undefined) : undefined;
      // A declared rule that drops the form no longer blocks; an undeclared one keeps it.
      return !d || (want?.requiredForms.some((e) => names(e, form)) ?? false);
    });
    if (users.length === 0) continue;
    const list = users.map((u) => formatAddress(u.address)).sort();
    refused.push({
      address: change.address,
      reason: 'in-use',
      detail: `${formatAddress(change.address)} is still required by ${list.join(', ')}; remove it from ${list.length === 1 ? 'that rule' : 'those rules'} first (DataZone refuses DeleteFormType)`,
      location: locate(desired.get(identityKey(change.address)), '/metadata/name'),
    });
  }
  return refused;
}

/**
 * A rule pins each required form at a revision. A form type that this plan revises (any update
 * records a new revision) or replaces leaves the rules that require it pinned at the old
 * revision, so an in-sync rule would be stale right after apply: it becomes an update that
 * re-pins it (reason `form-revised`), ordered after the form type by its reference.
 */
export function repinRules(changes: Change[], resources: readonly LiveResource[]): void {
  const revised = new Map<string, string>();
  for (const c of changes)
    if (c.address.kind === 'FormType' && (c.action === 'update' || c.action === 'replace'))
      revised.set(`${c.address.domain ?? ''}/${c.address.name}`, c.action);
  if (revised.size === 0) return;
  const live = new Map(resources.map((r) => [r.key, r]));
  for (const change of changes) {
    if (change.address.kind !== 'MetadataRule' || change.action !== 'noop' || change.reason !== 'in-sync')
      continue;
    const rule = live.get(identityKey(change.address));
    const forms = (rule?.normal as NormalMetadataRule | undefined)?.requiredForms ?? [];
    const domain = change.address.domain ?? '';
    const stale = forms.filter((f) => revised.has(`${domain}/${f}`));
    if (stale.length === 0) continue;
    change.action = 'update';
    change.reason = 'form-revised';
    change.fields = stale.map((name) => ({
      path: `/requiredForms/${name}`,
      before: 'current revision',
      after: 'the revision this apply records',
    }));
  }
}
