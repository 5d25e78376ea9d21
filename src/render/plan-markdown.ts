/**
 * The Markdown plan for PR comments and job summaries: a title, the summary table, the refusals
 * (open, because they block apply), the notes, then one collapsed section per change. The whole
 * stays within a size budget: details are dropped from the end and a notice says how many and
 * where the full plan is. Same plan, same bytes.
 */
import { formatAddress, type Address } from '../model/identity.js';
import { ACTIONS, type Plan, type Refusal } from '../plan/types.js';
import { GITHUB_COMMENT_LIMIT, packWithinBudget, type BudgetPiece } from './plan-budget.js';
import {
  ACTION_LABELS,
  REFUSAL_TEXT,
  isEmptyPlan,
  nothingToDo,
  plural,
  shownChanges,
  unreadCount,
  type ReportMode,
} from './plan-labels.js';
import { NAME_LIMIT, renderChangeDetails } from './plan-markdown-change.js';
import { codeSpan, escapeLinkTarget, escapeMarkdown } from './plan-markdown-escape.js';
import { truncateText } from './plan-values.js';

/** Options of the Markdown renderer. */
export interface MarkdownPlanOptions {
  /** Largest output, in characters and in UTF-8 bytes (default 65,536, GitHub's comment limit). */
  budget?: number;
  /** The heading (default "smus-gitops plan", or "smus-gitops drift" in drift mode). */
  title?: string;
  /** A plan (default) or a drift report: the heading and the status line say which. */
  mode?: ReportMode;
  /** Where the untruncated plan can be read, for the truncation notice. */
  fullPlanUrl?: string;
}

/** The heading when the caller gives none, per mode. */
export const DEFAULT_TITLE: { readonly [M in ReportMode]: string } = {
  plan: 'smus-gitops plan',
  drift: 'smus-gitops drift',
};
/** The longest refusal detail or note shown before it is truncated. */
const TEXT_LIMIT = 1_000;

type Group = 'refusal' | 'note' | 'change';
const GROUPS: readonly Group[] = ['refusal', 'note', 'change'];

function summaryTable(plan: Plan): string {
  // Unread resources are noops in the JSON summary, but they are not known to be unchanged.
  const unread = unreadCount(plan);
  const count = (a: (typeof ACTIONS)[number]) => (plan.summary[a] ?? 0) - (a === 'noop' ? unread : 0);
  const rows = ACTIONS.map((a) => `| ${ACTION_LABELS[a].title} | ${count(a)} |`);
  if (unread > 0) rows.push(`| Not read | ${unread} |`);
  return [
    '| Action | Count |',
    '| :-- | --: |',
    ...rows,
    `| **Refused** | **${plan.refused.length}** |`,
  ].join('\n');
}

/** The status line, then the plan's fingerprint: the apply workflow checks the merged commit's plan against it. */
function statusLine(plan: Plan, mode: ReportMode): string {
  return `${verdict(plan, mode)}\nPlan fingerprint: \`${plan.fingerprint.replace(/`/g, '')}\``;
}

function verdict(plan: Plan, mode: ReportMode): string {
  if (plan.refused.length > 0) {
    return `**Refused:** ${plural(plan.refused.length, 'change')} blocked by safety rules; apply will not run.`;
  }
  if (isEmptyPlan(plan)) return nothingToDo(plan, mode, (text) => `**${text}**`);
  const shown = plural(shownChanges(plan).length, 'resource');
  return mode === 'drift'
    ? `**Drift:** live state differs from the manifests; ${shown} to act on or report, details below.`
    : `**Plan:** ${shown} to act on or report, details below.`;
}

/** The address in a table cell: code spans with `|` escaped. */
function tableAddress(address: Address): string {
  const code = (text: string) => codeSpan(truncateText(text, NAME_LIMIT), { inTable: true });
  const context: string[] = [];
  if (address.domain) context.push(`domain ${code(address.domain)}`);
  if (address.region) context.push(`region ${code(address.region)}`);
  return `${code(formatAddress(address))}${context.length > 0 ? ` (${context.join(', ')})` : ''}`;
}

function refusalRow(refusal: Refusal): string {
  const located = refusal.location ? `${refusal.detail} (${refusal.location})` : refusal.detail;
  const detail = escapeMarkdown(truncateText(located, TEXT_LIMIT));
  return `| ${tableAddress(refusal.address)} | ${REFUSAL_TEXT[refusal.reason]} | ${detail} |\n`;
}

function pieces(plan: Plan): BudgetPiece<Group>[] {
  const out: BudgetPiece<Group>[] = [];
  plan.refused.forEach((r, i) => {
    const heading = i === 0 ? '### Refused\n\n| Resource | Reason | Detail |\n| --- | --- | --- |\n' : '';
    const last = i === plan.refused.length - 1 ? '\n' : '';
    out.push({ group: 'refusal', text: `${heading}${refusalRow(r)}${last}` });
  });
  plan.notes.forEach((n, i) => {
    const heading = i === 0 ? '### Notes\n\n' : '';
    const last = i === plan.notes.length - 1 ? '\n' : '';
    out.push({ group: 'note', text: `${heading}- ${escapeMarkdown(truncateText(n, TEXT_LIMIT))}\n${last}` });
  });
  const changes = shownChanges(plan);
  changes.forEach((c, i) => {
    const heading = i === 0 ? `### Changes\n\n` : '';
    out.push({ group: 'change', text: `${heading}${renderChangeDetails(c)}` });
  });
  return out;
}

function notice(
  fullPlanUrl: string | undefined,
): (omitted: Readonly<Record<Group, number>>, totals: Readonly<Record<Group, number>>) => string {
  return (omitted, totals) => {
    const parts = [`${omitted.change} of ${plural(totals.change, 'change')}`];
    if (omitted.refusal > 0) parts.push(`${omitted.refusal} of ${plural(totals.refusal, 'refusal')}`);
    if (omitted.note > 0) parts.push(`${omitted.note} of ${plural(totals.note, 'note')}`);
    const where = !fullPlanUrl
      ? 'the full plan in the workflow artifacts'
      : `[the full plan](${escapeLinkTarget(fullPlanUrl)})`;
    return (
      `\n> [!WARNING]\n> **Truncated:** this plan is too long for one comment; ` +
      `${parts.join(', ')} omitted. See ${where}.\n`
    );
  };
}

/** The plan as GitHub-flavoured Markdown, at most `budget` characters and UTF-8 bytes. */
export function renderPlanMarkdown(plan: Plan, options: MarkdownPlanOptions = {}): string {
  const mode = options.mode ?? 'plan';
  const title = escapeMarkdown(truncateText(options.title ?? DEFAULT_TITLE[mode], NAME_LIMIT));
  const scope = plan.scope ? `**Scoped:** ${escapeMarkdown(truncateText(plan.scope, TEXT_LIMIT))}\n\n` : '';
  const head = `## ${title}\n\n${scope}${summaryTable(plan)}\n\n${statusLine(plan, mode)}\n\n`;
  return packWithinBudget({
    head,
    pieces: pieces(plan),
    groups: GROUPS,
    notice: notice(options.fullPlanUrl),
    budget: options.budget ?? GITHUB_COMMENT_LIMIT,
  });
}
