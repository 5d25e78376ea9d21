/**
 * The body of the plan comment and of the drift issue: the hidden marker, the title and summary
 * table, the Mermaid diagram of the changes, then the rest of the Markdown plan. The Markdown
 * renderer is given the budget left after the marker and the diagram, so the whole stays within
 * GitHub's 65,536-character limit in characters and in UTF-8 bytes, with its truncation notice
 * pointing at the full plan when details had to go.
 */
import type { Plan } from '../plan/types.js';
import { GITHUB_COMMENT_LIMIT, budgetSize, hardCut } from '../render/plan-budget.js';
import type { ReportMode } from '../render/plan-labels.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { renderPlanMermaid } from '../render/plan-mermaid.js';

/** Below this much room for the Markdown plan, the diagram is left out: the plan itself comes first. */
const MIN_MARKDOWN_ROOM = 8_192;

/** What the body says besides the plan. */
export interface CommentBodyOptions {
  /** The hidden marker (first line). */
  marker: string;
  /** The heading. */
  title: string;
  /** A plan comment (default) or a drift issue: the status line says which. */
  mode?: ReportMode;
  /** Where the full plan is (the run's artifacts), for the truncation notice. */
  fullPlanUrl?: string;
  /** Largest body; default GitHub's limit. */
  budget?: number;
  /** A last line (the commit and run it is about), kept whatever the budget cuts before it. */
  footer?: string;
}

/**
 * Where the diagram goes in the rendered Markdown: after the summary table and its status line.
 * The table's last row is `| **Refused** | **N** |`; the title before it is escaped, so it cannot
 * contain that row. Returns -1 when the head was cut (only under a tiny budget).
 */
function afterSummary(markdown: string, plan: Plan): number {
  const lastRow = `| **Refused** | **${plan.refused.length}** |\n\n`;
  const row = markdown.indexOf(lastRow);
  if (row < 0) return -1;
  const statusEnd = markdown.indexOf('\n\n', row + lastRow.length);
  return statusEnd < 0 ? -1 : statusEnd + 2;
}

/** The comment body: marker, title, summary, diagram, details; never over the budget. */
export function composeCommentBody(plan: Plan, options: CommentBodyOptions): string {
  const footer = options.footer ? `\n${options.footer}\n` : '';
  const budget = (options.budget ?? GITHUB_COMMENT_LIMIT) - budgetSize(footer);
  const marker = `${options.marker}\n`;
  const mermaid = renderPlanMermaid(plan);
  // The block plus a blank line before the details.
  const block = mermaid ? `${mermaid}\n` : '';
  const diagram = block && budget - budgetSize(marker) - budgetSize(block) >= MIN_MARKDOWN_ROOM ? block : '';
  const markdownOptions = {
    title: options.title,
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.fullPlanUrl ? { fullPlanUrl: options.fullPlanUrl } : {}),
  };
  const markdown = renderPlanMarkdown(plan, {
    ...markdownOptions,
    budget: budget - budgetSize(marker) - budgetSize(diagram),
  });
  const at = diagram ? afterSummary(markdown, plan) : -1;
  const body =
    at < 0 ? marker + markdown : `${marker}${markdown.slice(0, at)}${diagram}${markdown.slice(at)}`;
  // budgetSize is additive (or over-counts), so this holds by construction; the cut is a last guard.
  return (budgetSize(body) <= budget ? body : hardCut(body, budget)) + footer;
}
