/**
 * The rule that picks which of identical grants stays (model/policy-grant.ts `grantOrder`): two
 * applies converge only if they pick the same grant whatever order each listed them in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grantOrder, type GrantStamp } from '../../src/model/policy-grant.js';

const stamp: fc.Arbitrary<GrantStamp> = fc.record(
  {
    grantId: fc.stringMatching(/^[a-z0-9]{4}$/),
    createdAt: fc.oneof(
      fc.integer({ min: 0, max: 5 }).map((s) => new Date(s * 1000)),
      fc.constant(undefined),
    ),
  },
  { requiredKeys: ['grantId'] },
);

function first(grants: readonly GrantStamp[]): GrantStamp | undefined {
  return [...grants].sort(grantOrder)[0];
}

describe('grantOrder', () => {
  it('keeps the earliest grant, then the smallest id; a grant without a time is never first over one with', () => {
    const a = { grantId: 'b', createdAt: new Date(1000) };
    const b = { grantId: 'a', createdAt: new Date(2000) };
    const c = { grantId: 'a', createdAt: new Date(1000) };
    const d = { grantId: '0' };
    expect([a, b, c, d].sort(grantOrder)).toEqual([c, a, b, d]);
    // Dates, ISO strings and epoch ms compare alike (the SDK answers Dates).
    expect(
      grantOrder({ grantId: 'x', createdAt: '1970-01-01T00:00:01.000Z' }, { grantId: 'y', createdAt: 999 }),
    ).toBe(1);
  });

  it('picks the same grant from any listing order and from any listing that contains it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(stamp, { selector: (g) => g.grantId, minLength: 1, maxLength: 6 }),
        fc.nat(),
        (grants, k) => {
          const winner = first(grants);
          const shuffled = [...grants].reverse();
          expect(first(shuffled)).toEqual(winner);
          // Whoever saw a subset holding the winner keeps the winner too: it is never removed.
          const subset = grants.filter((g, i) => g === winner || (i + k) % 2 === 0);
          expect(first(subset)).toEqual(winner);
        },
      ),
    );
  });
});
