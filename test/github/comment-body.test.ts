/**
 * The comment body's size budget and layout: rendered plans from 1 KB to 5 MB, ASCII and
 * multi-byte, always give a body within 65,536 characters and UTF-8 bytes that starts with the
 * marker and the summary table, carries a grammatical Mermaid block under the summary, and ends
 * with the truncation notice when cut; an uncut body is the Markdown plan plus the diagram.
 */
import { describe, expect, it } from 'vitest';
import { composeCommentBody } from '../../src/github/comment-body.js';
import { planMarker } from '../../src/github/markers.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { bulkPlan } from '../render/arbitraries.js';
import { EMPTY_PLAN, FULL_PLAN, HOSTILE_PLAN } from '../render/plans.js';
import { extractMermaid, parseMermaid } from './mermaid-grammar.js';

const LIMIT = 65_536;
const MARKER = planMarker();
const OPTIONS = {
  marker: MARKER,
  title: 'smus-gitops plan',
  fullPlanUrl: 'https://github.example/o/r/actions/runs/1',
};

function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A plan whose full Markdown rendering is about `size` bytes, made of `unit` text. */
function planOfSize(size: number, unit: string) {
  const value = unit.repeat(Math.ceil(190 / unit.length)).slice(0, 190);
  const one = bulkPlan(1, () => value, 10);
  const head = renderPlanMarkdown(
    bulkPlan(0, () => ''),
    { budget: Infinity },
  );
  const perChange = bytes(renderPlanMarkdown(one, { budget: Infinity })) - bytes(head);
  const count = Math.max(1, Math.round((size - bytes(head)) / perChange));
  return bulkPlan(count, () => value, 10);
}

const SIZES: [string, number][] = [
  ['1 KB', 1_024],
  ['16 KB', 16_384],
  ['64 KB', 65_000],
  ['66 KB', 67_000],
  ['1 MB', 1_048_576],
  ['5 MB', 5_242_880],
];
const UNITS: [string, string][] = [
  ['ASCII', 'lorem ipsum '],
  ['2-byte', 'é'],
  ['3-byte', '€漢'],
  ['astral', '😀a'],
];

describe('composeCommentBody', () => {
  for (const [sizeName, size] of SIZES) {
    for (const [unitName, unit] of UNITS) {
      // The 5 MB cases cost the most: run them for ASCII and the widest text only.
      if (size > 2_000_000 && unitName !== 'ASCII' && unitName !== 'astral') continue;
      it(`fits a ${sizeName} ${unitName} plan within ${LIMIT} characters and bytes`, () => {
        const plan = planOfSize(size, unit);
        const full = renderPlanMarkdown(plan, { budget: Infinity });
        const body = composeCommentBody(plan, OPTIONS);
        expect(body.length).toBeLessThanOrEqual(LIMIT);
        expect(bytes(body)).toBeLessThanOrEqual(LIMIT);
        expect(
          body.startsWith(`${MARKER}\n## smus\\-gitops plan\n\n| Action | Count |\n| :-- | --: |\n`),
        ).toBe(true);
        expect(body).toContain(`| Update | ${plan.summary.update} |`);
        // The diagram sits under the summary, before any detail.
        const diagram = body.indexOf('```mermaid\n');
        expect(diagram).toBeGreaterThan(body.indexOf('| **Refused** | **0** |'));
        expect(diagram).toBeLessThan(body.indexOf('### Changes'));
        parseMermaid(extractMermaid(body));
        // The plan really was about that size before the budget cut it.
        expect(bytes(full)).toBeGreaterThan(size * 0.9);
        const truncated = body.includes('**Truncated:**');
        if (bytes(full) > LIMIT) expect(truncated).toBe(true);
        if (truncated) {
          expect(body).toMatch(
            /\*\*Truncated:\*\* this plan is too long for one comment; \d+ of \d+ changes omitted\. See \[the full plan\]\(https:\/\/github\.example\/o\/r\/actions\/runs\/1\)\.\n$/,
          );
        } else {
          expect(body.match(/<details>/g)?.length).toBe(plan.changes.length);
        }
      });
    }
  }

  it('is the marker plus the Markdown plan with the diagram inserted, when nothing is cut', () => {
    for (const plan of [FULL_PLAN, HOSTILE_PLAN]) {
      const body = composeCommentBody(plan, OPTIONS);
      const withoutDiagram = body.replace(/```mermaid\n[\s\S]*?\n```\n\n/, '');
      expect(withoutDiagram).toBe(`${MARKER}\n${renderPlanMarkdown(plan, OPTIONS)}`);
      parseMermaid(extractMermaid(body));
    }
  });

  it('has no diagram when nothing changes', () => {
    const body = composeCommentBody(EMPTY_PLAN, OPTIONS);
    expect(body).toBe(`${MARKER}\n${renderPlanMarkdown(EMPTY_PLAN, OPTIONS)}`);
    expect(body).not.toContain('```mermaid');
  });

  it('leaves the diagram out rather than crowd out the plan under a small budget', () => {
    const body = composeCommentBody(FULL_PLAN, { ...OPTIONS, budget: 8_500 });
    expect(body.length).toBeLessThanOrEqual(8_500);
    expect(body).not.toContain('```mermaid');
    expect(body).toContain('| Action | Count |');
  });
});
