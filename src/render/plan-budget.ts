/**
 * A deterministic size budget for rendered text (GitHub rejects a comment over 65,536
 * characters). Size is counted in UTF-16 units and in UTF-8 bytes and the larger wins, so text
 * that fits here fits any limit stated in either. Content is kept from the front in order and
 * dropped from the first piece that does not fit; a notice then says what was left out.
 */
import { cutText } from './plan-values.js';

/** GitHub's comment and issue-body limit. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Bytes of `text` in UTF-8 (a lone surrogate counts 3, as `TextEncoder` writes U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The size a budget counts: the larger of UTF-16 length and UTF-8 bytes. It is additive over
 * concatenation, or over-counts when a surrogate pair is split across two pieces, so summing
 * piece sizes never under-estimates the whole.
 */
export function budgetSize(text: string): number {
  return Math.max(text.length, utf8Length(text));
}

/** Cuts `text` to at most `budget` in both measures, on a character boundary. */
export function hardCut(text: string, budget: number): string {
  const limit = Math.max(0, budget);
  let out = cutText(text, limit);
  let excess = utf8Length(out) - limit;
  while (excess > 0) {
    // Each UTF-16 unit is at most 3 bytes, so cutting ceil(excess / 3) units per round converges.
    out = cutText(out, out.length - Math.max(1, Math.ceil(excess / 3)));
    excess = utf8Length(out) - limit;
  }
  return out;
}

/** One droppable piece of output and the group its omission is counted in. */
export interface BudgetPiece<G extends string> {
  group: G;
  text: string;
}

/** What to pack. */
export interface BudgetInput<G extends string> {
  /** Always kept (cut only if it alone exceeds the budget). */
  head: string;
  /** Kept in order while they fit; from the first that does not, all are dropped. */
  pieces: readonly BudgetPiece<G>[];
  groups: readonly G[];
  /** The notice appended when something was dropped, given the omitted and total counts. */
  notice: (omitted: Readonly<Record<G, number>>, totals: Readonly<Record<G, number>>) => string;
  budget: number;
}

function countByGroup<G extends string>(
  groups: readonly G[],
  pieces: readonly BudgetPiece<G>[],
): Record<G, number> {
  const counts = Object.fromEntries(groups.map((g) => [g, 0])) as Record<G, number>;
  for (const piece of pieces) counts[piece.group] += 1;
  return counts;
}

/**
 * `head`, then as many pieces as fit, then the notice when any were dropped; never larger than
 * `budget`. Room for the notice is reserved by rendering it with every piece omitted, which is
 * at least as long as any real notice (counts only shrink, and a count never gains digits).
 */
export function packWithinBudget<G extends string>(input: BudgetInput<G>): string {
  const { head, pieces, groups, budget } = input;
  const sizes = pieces.map((p) => budgetSize(p.text));
  const total = budgetSize(head) + sizes.reduce((a, b) => a + b, 0);
  if (total <= budget) return head + pieces.map((p) => p.text).join('');

  const totals = countByGroup(groups, pieces);
  let room = budget - budgetSize(head) - budgetSize(input.notice(totals, totals));
  let kept = 0;
  while (kept < pieces.length && (sizes[kept] ?? 0) <= room) {
    room -= sizes[kept] ?? 0;
    kept++;
  }
  const omitted = countByGroup(groups, pieces.slice(kept));
  const out =
    head +
    pieces
      .slice(0, kept)
      .map((p) => p.text)
      .join('') +
    input.notice(omitted, totals);
  // Only a head (or notice) larger than the whole budget gets here; cut rather than overflow.
  return budgetSize(out) <= budget ? out : hardCut(out, budget);
}
