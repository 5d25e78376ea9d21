/** The canonical JSON plan: goldens, key order, saved-plan keys, determinism. */
import { describe, expect, it } from 'vitest';
import { isSavedPlan, renderPlanJson } from '../../src/render/plan-json.js';
import { EMPTY_PLAN, FULL_PLAN, HOSTILE_PLAN } from './plans.js';

const CASES = { full: FULL_PLAN, empty: EMPTY_PLAN, hostile: HOSTILE_PLAN };

describe('renderPlanJson', () => {
  for (const [name, plan] of Object.entries(CASES)) {
    it(`matches the golden for the ${name} plan`, async () => {
      await expect(renderPlanJson(plan)).toMatchFileSnapshot(`__golden__/${name}.plan.json`);
    });
  }

  it('puts the top-level keys in the documented order, saved-plan keys last', () => {
    expect(Object.keys(JSON.parse(renderPlanJson(FULL_PLAN)))).toEqual([
      'formatVersion',
      'summary',
      'changes',
      'refused',
      'notes',
      'fingerprint',
      'toolVersion',
      'manifestsDigest',
      'live',
    ]);
    expect(Object.keys(JSON.parse(renderPlanJson(EMPTY_PLAN)))).toEqual([
      'formatVersion',
      'summary',
      'changes',
      'refused',
      'notes',
      'fingerprint',
    ]);
  });

  it('does not depend on the key order of the plan value or of field values', () => {
    const shuffled = {
      fingerprint: FULL_PLAN.fingerprint,
      notes: FULL_PLAN.notes,
      refused: FULL_PLAN.refused,
      changes: FULL_PLAN.changes.map((c) => ({
        dependsOn: c.dependsOn,
        fields: c.fields.map((f) => ({ after: f.after, before: f.before, path: f.path })),
        ...(c.forcedBy ? { forcedBy: c.forcedBy } : {}),
        ...(c.id ? { id: c.id } : {}),
        reason: c.reason,
        action: c.action,
        // Same address, keys inserted in reverse order.
        address: Object.fromEntries(Object.entries(c.address).reverse()) as typeof c.address,
      })),
      summary: { unmanaged: 1, noop: 2, delete: 2, replace: 2, update: 1, create: 2 },
      live: FULL_PLAN.live,
      manifestsDigest: FULL_PLAN.manifestsDigest,
      toolVersion: FULL_PLAN.toolVersion,
      formatVersion: 1 as const,
    };
    expect(renderPlanJson(shuffled)).toBe(renderPlanJson(FULL_PLAN));
  });

  it('ends with a newline and renders the same bytes twice', () => {
    const text = renderPlanJson(FULL_PLAN);
    expect(text.endsWith('}\n')).toBe(true);
    expect(renderPlanJson(FULL_PLAN)).toBe(text);
  });

  it('recognises a saved plan only when all its keys are there', () => {
    expect(isSavedPlan(FULL_PLAN)).toBe(true);
    expect(isSavedPlan(EMPTY_PLAN)).toBe(false);
  });

  it('prints values JSON cannot hold without throwing', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const plan = {
      ...EMPTY_PLAN,
      changes: [
        {
          address: { kind: 'Project' as const, domain: 'd', name: 'p' },
          action: 'update' as const,
          reason: 'drifted' as const,
          fields: [{ path: '/x', before: 10n, after: { n: NaN, cyclic, date: new Date(0), u: undefined } }],
          dependsOn: [],
        },
      ],
    };
    const doc = JSON.parse(renderPlanJson(plan));
    expect(doc.changes[0].fields[0]).toEqual({
      path: '/x',
      before: '10',
      after: { cyclic: { a: 1, self: '[Circular]' }, date: '1970-01-01T00:00:00.000Z', n: null },
    });
  });
});
