/**
 * The plan's Mermaid diagram (src/render/plan-mermaid.ts): the example plan's block passes the
 * strict grammar check and matches its golden, a 2,000-resource plan stays within the node cap and
 * counts the rest, hostile names are escaped (any plan at all passes the grammar), and edges are
 * the plan's dependencies, transitively reduced.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, Plan } from '../../src/plan/types.js';
import { MERMAID_NODE_CAP, mermaidLabel, renderPlanMermaid } from '../../src/render/plan-mermaid.js';
import { arbitraryPlan, bulkPlan, summarize } from '../render/arbitraries.js';
import { HOSTILE_PLAN } from '../render/plans.js';
import { decodeLabel, extractMermaid, parseMermaid } from './mermaid-grammar.js';

const EXAMPLE_PLAN = JSON.parse(
  readFileSync(new URL('../cli/__golden__/example-plan.json', import.meta.url), 'utf8'),
) as Plan;

function planOf(changes: Change[]): Plan {
  return { formatVersion: 1, summary: summarize(changes), changes, refused: [], notes: [], fingerprint: 'f' };
}

function project(name: string, action: Change['action'], dependsOn: string[] = []): Change {
  return {
    address: { kind: 'Project', domain: 'd', name },
    action,
    reason: 'missing',
    fields: [],
    dependsOn,
  };
}

describe('renderPlanMermaid', () => {
  it('draws the example plan: up to the cap, the rest counted, a grammatical block, the golden', async () => {
    const block = renderPlanMermaid(EXAMPLE_PLAN);
    const graph = parseMermaid(extractMermaid(block));
    // The example (53 creates) is past the node cap: 50 drawn, and one node counting the rest.
    const rest = EXAMPLE_PLAN.changes.length - MERMAID_NODE_CAP;
    expect(rest).toBeGreaterThan(0);
    expect(graph.nodes.size).toBe(MERMAID_NODE_CAP + 1);
    expect(graph.classes.get('create')?.length).toBe(MERMAID_NODE_CAP);
    expect(decodeLabel(graph.nodes.get('more') ?? '')).toBe(
      `… and ${rest} more resources (${rest} create) not drawn`,
    );
    expect(graph.edges.length).toBeGreaterThan(0);
    await expect(block).toMatchFileSnapshot('__golden__/example-plan.mermaid.md');
  });

  it('caps a 2,000-resource plan at the node cap and counts the rest by action', () => {
    const block = renderPlanMermaid(bulkPlan(2_000, (i) => `d${i}`));
    const graph = parseMermaid(extractMermaid(block));
    expect(graph.nodes.size).toBe(MERMAID_NODE_CAP + 1);
    // Updates come before creates (the more consequential action first): 50 updates drawn.
    expect(graph.classes.get('update')?.length).toBe(MERMAID_NODE_CAP);
    expect(decodeLabel(graph.nodes.get('more') ?? '')).toBe(
      '… and 1950 more resources (1550 update, 400 create) not drawn',
    );
  });

  it('draws the most consequential actions first when capped', () => {
    const changes = [
      ...Array.from({ length: 3 }, (_, i) => project(`c${i}`, 'create')),
      project('r', 'replace'),
      project('x', 'delete'),
    ];
    const graph = parseMermaid(extractMermaid(renderPlanMermaid(planOf(changes), { maxNodes: 2 })));
    expect([...graph.nodes.values()].map(decodeLabel)).toEqual([
      '-/+ Project/r (d)',
      '- Project/x (d)',
      '… and 3 more resources (3 create) not drawn',
    ]);
  });

  it('is empty when nothing changes (noop and unmanaged are not drawn)', () => {
    expect(renderPlanMermaid(planOf([project('a', 'noop'), project('b', 'unmanaged')]))).toBe('');
  });

  it('draws dependencies as edges, without those a longer path implies', () => {
    const plan = planOf([
      project('a', 'create'),
      project('b', 'create', ['Project/d/a']),
      project('c', 'create', ['Project/d/a', 'Project/d/b', 'Project/d/missing']),
    ]);
    const graph = parseMermaid(extractMermaid(renderPlanMermaid(plan)));
    expect(graph.edges).toEqual([
      ['n0', 'n1'],
      ['n1', 'n2'],
    ]);
  });

  it('escapes hostile names: quotes, brackets, HTML, newlines, colons, backticks, entities', () => {
    const hostile = 'x"]-->e["<b>\n`md`#35;style:#f00;a&b';
    const label = mermaidLabel(`+ Project/${hostile}`);
    expect(label.replace(/#\d+;/g, '')).not.toMatch(/["<>`:;\n&#]/);
    expect(() => parseMermaid(`flowchart LR\n  n0["${label}"]`)).not.toThrow();
    expect(decodeLabel(label)).toBe(`+ Project/${hostile.replace('\n', '\\n')}`);
    const block = renderPlanMermaid(HOSTILE_PLAN);
    expect(() => parseMermaid(extractMermaid(block))).not.toThrow();
  });

  it('emits a grammatical block for any plan (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryPlan, fc.integer({ min: 0, max: 60 }), (plan, maxNodes) => {
        const block = renderPlanMermaid(plan, { maxNodes });
        if (block === '')
          return plan.changes.every((c) => !['create', 'update', 'replace', 'delete'].includes(c.action));
        const graph = parseMermaid(extractMermaid(block));
        return graph.nodes.size <= maxNodes + 1;
      }),
    );
  });

  it('stays within its size cap by drawing fewer nodes when labels are long', () => {
    const plan = bulkPlan(60, () => 'x');
    for (const c of plan.changes) c.address.name = '😀'.repeat(100);
    const block = renderPlanMermaid(plan, { maxSize: 5_000 });
    expect(block.length).toBeLessThanOrEqual(5_000);
    expect(parseMermaid(extractMermaid(block)).nodes.size).toBeLessThan(51);
  });

  it('is byte-identical when rendered twice', () => {
    expect(renderPlanMermaid(EXAMPLE_PLAN)).toBe(renderPlanMermaid(EXAMPLE_PLAN));
  });
});
