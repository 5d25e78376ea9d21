/** The terminal plan: goldens without and with colour (ANSI codes shown as placeholders). */
import { describe, expect, it } from 'vitest';
import { ANSI_CODES, ANSI_RESET } from '../../src/render/plan-colors.js';
import { fieldText, renderPlanText } from '../../src/render/plan-text.js';
import { EMPTY_PLAN, FULL_PLAN, HOSTILE_PLAN, UNREAD_PLAN } from './plans.js';

/** ANSI codes as readable placeholders: `<green>text</>`. */
function placeholders(text: string): string {
  let out = text.split(ANSI_RESET).join('</>');
  for (const [color, code] of Object.entries(ANSI_CODES)) out = out.split(code).join(`<${color}>`);
  return out;
}

const CASES = { full: FULL_PLAN, empty: EMPTY_PLAN, hostile: HOSTILE_PLAN, unread: UNREAD_PLAN };

describe('renderPlanText', () => {
  for (const [name, plan] of Object.entries(CASES)) {
    it(`matches the golden for the ${name} plan without colour`, async () => {
      await expect(renderPlanText(plan, { color: false })).toMatchFileSnapshot(`__golden__/${name}.plan.txt`);
    });

    it(`matches the golden for the ${name} plan with colour`, async () => {
      const text = placeholders(renderPlanText(plan, { color: true }));
      // Every escape must be one of ours: nothing from user text reaches the terminal raw.
      expect(text).not.toContain('\u001b');
      await expect(text).toMatchFileSnapshot(`__golden__/${name}.plan.color.txt`);
    });
  }

  it('writes no ANSI code at all without colour', () => {
    for (const plan of Object.values(CASES))
      expect(renderPlanText(plan, { color: false })).not.toContain('\u001b');
  });

  it('starts with the summary line', () => {
    expect(renderPlanText(FULL_PLAN, { color: false }).split('\n')[0]).toBe(
      'Plan: 2 to create, 1 to update, 2 to replace, 2 to delete, 2 unchanged, 1 unmanaged',
    );
    expect(renderPlanText(EMPTY_PLAN, { color: false })).toBe(
      'No changes. Live state matches the manifests.\n',
    );
  });

  it.each([
    ['create', { path: '/a', after: 'x' }, '/a: "x"'],
    ['create', { path: '/a', after: '(known after apply)' }, '/a: (known after apply)'],
    ['delete', { path: '/a', before: ['x'] }, '/a: ["x"]'],
    ['update', { path: '/a', before: 1, after: 2 }, '/a: 1 → 2'],
    ['update', { path: '/a', after: true }, '/a: (unset) → true'],
    ['replace', { path: '/a', before: { b: 1, a: null } }, '/a: {"a":null,"b":1} → (unset)'],
    ['unmanaged', { path: '', before: 'x', after: 'y' }, '(whole resource): "x" → "y"'],
  ] as const)('prints a %s field %j as %s', (action, field, expected) => {
    expect(fieldText(field, action)).toBe(expected);
  });

  it('truncates long values with a marker that counts what was cut', () => {
    const line = fieldText({ path: '/d', after: 'é'.repeat(1000) }, 'create');
    expect(line).toBe(`/d: "${'é'.repeat(199)}… (802 more characters)`);
  });
});

describe('renderPlanText in drift mode', () => {
  // The same plan read by `drift`: headed and summarised as drift, never as a plan.
  for (const [name, plan] of Object.entries({ full: FULL_PLAN, empty: EMPTY_PLAN, unread: UNREAD_PLAN })) {
    it(`matches the drift golden for the ${name} plan`, async () => {
      await expect(renderPlanText(plan, { color: false, mode: 'drift' })).toMatchFileSnapshot(
        `__golden__/${name}.drift.txt`,
      );
    });
  }
});
