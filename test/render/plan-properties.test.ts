/** Every renderer on random plans: never throws, deterministic, and JSON round-trips. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { arbitraryPlan } from './arbitraries.js';

describe('plan renderers on random plans (fast-check)', () => {
  it('JSON never throws, parses back, and re-renders identically from its own output', () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        const json = renderPlanJson(plan);
        expect(renderPlanJson(JSON.parse(json))).toBe(json);
      }),
      { numRuns: 150 },
    );
  });

  it('text never throws and writes no control character but newlines and our own colour codes', () => {
    fc.assert(
      fc.property(arbitraryPlan, fc.boolean(), (plan, color) => {
        // eslint-disable-next-line no-control-regex
        const text = renderPlanText(plan, { color }).replace(/\u001b\[(\d+)m/g, '');
        // eslint-disable-next-line no-control-regex
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(renderPlanText(plan, { color })).toBe(renderPlanText(plan, { color }));
      }),
      { numRuns: 150 },
    );
  });
});
