/**
 * One change as a collapsed Markdown section for a PR comment: the summary line names the action
 * and the resource, the body says why and shows the field diffs in a `diff` block (removed
 * values as `-` lines, added as `+`). Every piece of user text is escaped for where it lands.
 * Names are cut to a bounded length, but values and fields never are (issue 19.16): a reviewer
 * approves exactly what apply will set, so a cut value (a second region's network settings past
 * character 200) would hide part of the change. The comment's size budget (plan-budget.ts) drops
 * whole sections instead, and its notice says how many and where the full plan is.
 */
import type { FieldChange } from '../diff/diff.js';
import type { Address } from '../model/identity.js';
import { formatAddress } from '../model/identity.js';
import type { Change } from '../plan/types.js';
import { REASON_TEXT, changeLabel, displayPath, fieldShape } from './plan-labels.js';
import { codeSpan, escapeHtml, fencedBlock } from './plan-markdown-escape.js';
import { formatValue, truncateText } from './plan-values.js';

/** The longest name, path or id shown in Markdown before it is truncated. */
export const NAME_LIMIT = 256;
// Values in full: formatValue cuts at this length, so "no limit".
const FULL = Number.POSITIVE_INFINITY;

/** `<code>Kind/name@account</code> (domain <code>d</code>, region <code>r</code>)` for raw HTML. */
export function htmlAddress(address: Address): string {
  const code = (text: string) => `<code>${escapeHtml(truncateText(text, NAME_LIMIT))}</code>`;
  const context: string[] = [];
  if (address.domain) context.push(`domain ${code(address.domain)}`);
  if (address.region) context.push(`region ${code(address.region)}`);
  const where = context.length > 0 ? ` (${context.join(', ')})` : '';
  return `${code(formatAddress(address))}${where}`;
}

function diffLines(field: FieldChange, forced: boolean): string[] {
  const path = truncateText(displayPath(field.path), NAME_LIMIT);
  const mark = forced ? '  # forces replacement' : '';
  const shape = fieldShape(field);
  const lines: string[] = [];
  if (shape !== 'added') lines.push(`- ${path}: ${formatValue(field.before, FULL)}${mark}`);
  if (shape !== 'removed') lines.push(`+ ${path}: ${formatValue(field.after, FULL)}${mark}`);
  return lines;
}

function fieldBlock(change: Change): string[] {
  if (change.fields.length === 0) return [];
  const forced = new Set(change.forcedBy ?? []);
  const lines = change.fields.flatMap((f) => diffLines(f, forced.has(f.path)));
  return [fencedBlock(lines, 'diff'), ''];
}

/** The collapsed `<details>` section of one change, ending with a blank line. */
export function renderChangeDetails(change: Change): string {
  const label = changeLabel(change);
  const summary = `<code>${escapeHtml(label.symbol)}</code> ${label.title} ${htmlAddress(change.address)}`;
  const why = [`${capitalise(label.verb)} because ${REASON_TEXT[change.reason]}.`];
  if (change.id !== undefined) why.push(`Id: ${codeSpan(truncateText(change.id, NAME_LIMIT))}.`);
  const lines = [`<details><summary>${summary}</summary>`, '', why.join(' '), ''];
  if (change.forcedBy && change.forcedBy.length > 0) {
    const paths = change.forcedBy.map((p) => codeSpan(truncateText(displayPath(p), NAME_LIMIT)));
    lines.push(`Forced by: ${paths.join(', ')}`, '');
  }
  lines.push(...fieldBlock(change), '</details>', '', '');
  return lines.join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
