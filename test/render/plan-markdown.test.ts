/** The Markdown plan: goldens, escaping of hostile user text, options. */
import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { EMPTY_PLAN, FULL_PLAN, HOSTILE_PLAN, UNREAD_PLAN } from './plans.js';

/** The Markdown with fenced blocks and code spans removed: what GitHub would parse as HTML. */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

const CASES = { full: FULL_PLAN, empty: EMPTY_PLAN, hostile: HOSTILE_PLAN, unread: UNREAD_PLAN };

describe('renderPlanMarkdown', () => {
  for (const [name, plan] of Object.entries(CASES)) {
    it(`matches the golden for the ${name} plan`, async () => {
      await expect(renderPlanMarkdown(plan)).toMatchFileSnapshot(`__golden__/${name}.plan.md`);
    });
  }

  it('puts the summary table before anything else and refusals before details', () => {
    const md = renderPlanMarkdown(FULL_PLAN, { title: 'Plan for corp-data' });
    expect(md.startsWith('## Plan for corp\\-data\n\n| Action | Count |\n')).toBe(true);
    expect(md.indexOf('### Refused')).toBeLessThan(md.indexOf('<details>'));
    expect(md).toContain('| **Refused** | **5** |');
  });

  it('lets no hostile text open HTML, end a table row or close a details section', () => {
    const md = renderPlanMarkdown(HOSTILE_PLAN);
    expect(outsideCode(md)).not.toMatch(/<(script|img|b)\b/);
    for (const line of outsideCode(md)
      .split('\n')
      .filter((l) => l.includes('details>'))) {
      expect(
        line === '</details>' || /^<details><summary>[^<]*(<\/?code>[^<]*)*<\/summary>$/.test(line),
      ).toBe(true);
    }
    expect(outsideCode(md).match(/<details>/g)?.length).toBe(3);
    expect(outsideCode(md).match(/<\/details>/g)?.length).toBe(3);
    expect(md).not.toContain('\u001b');
    expect(md).not.toContain('\u202e');
    // Every table row has exactly its columns' unescaped pipes.
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    for (const row of rows)
      expect(row.replace(/\\\|/g, '').match(/\|/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    const refusalRow = rows.find((r) => r.includes('unresolved reference'));
    expect(refusalRow?.replace(/\\\|/g, '').match(/\|/g)?.length).toBe(4);
  });

  it('is byte-identical when rendered twice', () => {
    for (const plan of Object.values(CASES)) expect(renderPlanMarkdown(plan)).toBe(renderPlanMarkdown(plan));
  });
});

describe('renderPlanMarkdown in drift mode', () => {
  // The same plan read by `drift`: headed and summarised as drift, never as a plan.
  for (const [name, plan] of Object.entries({ full: FULL_PLAN, empty: EMPTY_PLAN, unread: UNREAD_PLAN })) {
    it(`matches the drift golden for the ${name} plan`, async () => {
      await expect(renderPlanMarkdown(plan, { mode: 'drift' })).toMatchFileSnapshot(
        `__golden__/${name}.drift.md`,
      );
    });
  }
});
