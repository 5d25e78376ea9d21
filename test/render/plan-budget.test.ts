/** The Markdown size budget: big plans fit in characters and bytes, keep the table, say what they dropped. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetSize, hardCut, packWithinBudget, utf8Length } from '../../src/render/plan-budget.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { arbitraryPlan, bulkPlan } from './arbitraries.js';
import { FULL_PLAN } from './plans.js';

const LIMIT = 65_536;

function expectFits(md: string, budget = LIMIT): void {
  expect(md.length).toBeLessThanOrEqual(budget);
  expect(new TextEncoder().encode(md).length).toBeLessThanOrEqual(budget);
}

describe('utf8Length', () => {
  it.each(['', 'abc', 'é', '€', '😀', 'a\ud800b', '\udc00', 'x\ud83d', 'éé😀€a'])(
    'agrees with TextEncoder on %j',
    (s) => {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    },
  );

  it('agrees with TextEncoder on any string (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === new TextEncoder().encode(s).length),
    );
  });
});

describe('hardCut', () => {
  it('cuts on a character boundary to fit both measures', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(300), (s, budget) => {
        const out = hardCut(s, budget);
        return s.startsWith(out) && budgetSize(out) <= budget && !/[\ud800-\udbff]$/.test(out);
      }),
    );
  });
});

describe('packWithinBudget', () => {
  it('keeps everything when it fits and adds no notice', () => {
    const pieces = [
      { group: 'x' as const, text: 'aa' },
      { group: 'x' as const, text: 'bb' },
    ];
    expect(packWithinBudget({ head: 'H', pieces, groups: ['x'], notice: () => '!', budget: 5 })).toBe(
      'Haabb',
    );
  });

  it('drops from the first piece that does not fit, even if a later one would', () => {
    const pieces = [
      { group: 'x' as const, text: 'aa' },
      { group: 'x' as const, text: 'bbbb' },
      { group: 'x' as const, text: 'c' },
    ];
    const notice = (o: Record<'x', number>) => `[-${o.x}]`;
    expect(packWithinBudget({ head: 'H', pieces, groups: ['x'], notice, budget: 7 })).toBe('Haa[-2]');
  });
});

describe('renderPlanMarkdown budget', () => {
  it('fits a 2,000-change plan with the summary table intact and a notice', () => {
    const plan = bulkPlan(2_000, (i) => `description ${i} ${'lorem ipsum '.repeat(10)}`);
    const md = renderPlanMarkdown(plan);
    expectFits(md);
    expect(md).toContain('| Action | Count |\n| :-- | --: |\n| Create | 400 |\n| Update | 1600 |');
    expect(md).toMatch(
      /\*\*Truncated:\*\* .* \d+ of 2000 changes omitted\. See the full plan in the workflow artifacts\.\n$/,
    );
    const shown = md.match(/<details>/g)?.length ?? 0;
    const omitted = Number(/(\d+) of 2000 changes omitted/.exec(md)?.[1]);
    expect(shown + omitted).toBe(2_000);
    // Dropped from the end: the first changes are shown, the last are not.
    expect(md).toContain('project-00000');
    expect(md).not.toContain('project-01999');
  });

  it('points the notice at fullPlanUrl when given', () => {
    const plan = bulkPlan(2_000, () => 'x');
    const md = renderPlanMarkdown(plan, { fullPlanUrl: 'https://example.com/runs/1 (artifacts)' });
    expect(md).toContain('See [the full plan](https://example.com/runs/1%20%28artifacts%29).');
  });

  const SIZES = [1_000, 10_000, 100_000, 1_000_000, 5_000_000];
  const TEXTS = { ascii: 'a', accented: 'é', emoji: '😀', mixed: 'é😀a€' };
  for (const size of SIZES) {
    // The 5 MB case once, in mixed text: each takes most of a second and the others prove no more.
    const texts = Object.entries(TEXTS).filter(([name]) => size < 5_000_000 || name === 'mixed');
    for (const [name, unit] of texts) {
      it(`fits a plan of ${size} bytes of rendered text in ${name} characters`, () => {
        const description = (i: number) => `${i}`.padEnd(2_000, unit);
        const perChange = utf8Length(renderPlanText(bulkPlan(1, description, 3), { color: false }));
        // perChange includes the summary line once; the margin covers it.
        const plan = bulkPlan(Math.ceil((size * 1.2) / perChange), description, 3);
        expect(utf8Length(renderPlanText(plan, { color: false }))).toBeGreaterThanOrEqual(size);
        const md = renderPlanMarkdown(plan);
        expectFits(md);
        expect(md).toContain('| **Refused** | **0** |');
      });
    }
  }

  it('fits one enormous name, value, refusal detail, note and title', () => {
    // 600,000 UTF-16 units (900,000 bytes): each field alone is over nine times the budget, so
    // every one must be cut. Ten times that (6M) proved nothing more and cost 7 s of CPU (issue 18).
    const huge = 'é😀|`<'.repeat(100_000);
    expect(huge.length).toBeGreaterThan(9 * LIMIT);
    const plan = {
      ...FULL_PLAN,
      changes: FULL_PLAN.changes.map((c) => ({
        ...c,
        address: { ...c.address, name: huge },
        fields: [...c.fields, { path: huge, after: huge }],
      })),
      refused: FULL_PLAN.refused.map((r) => ({ ...r, detail: huge })),
      notes: [huge],
    };
    const md = renderPlanMarkdown(plan, { title: huge });
    expectFits(md);
    expect(renderPlanMarkdown(plan, { title: huge })).toBe(md);
  });

  it('renders the same truncated plan byte-identically twice', () => {
    const plan = bulkPlan(3_000, (i) => `d${i}`.repeat(50));
    expect(renderPlanMarkdown(plan)).toBe(renderPlanMarkdown(plan));
  });

  it('keeps any random plan within any budget of 2 KB or more, without throwing (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryPlan, fc.integer({ min: 2_048, max: 20_000 }), (plan, budget) => {
        const md = renderPlanMarkdown(plan, { budget });
        return budgetSize(md) <= budget && md === renderPlanMarkdown(plan, { budget });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps any random plan within the default budget (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        expectFits(renderPlanMarkdown(plan));
      }),
      { numRuns: 100 },
    );
  });

  it('fits even a budget smaller than the head', () => {
    expectFits(renderPlanMarkdown(FULL_PLAN, { budget: 100 }), 100);
  });
});
