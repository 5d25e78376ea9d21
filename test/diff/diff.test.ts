/** The differ: sets, keyed lists, nested objects, and its algebraic properties (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fastDeepEqual from 'fast-deep-equal';
import {
  deepEqual,
  diffValues,
  diffValuesInFull,
  matchesPattern,
  type DiffRules,
} from '../../src/diff/diff.js';

const RULES: DiffRules = {
  '/regions': { kind: 'set' },
  '/environments': { kind: 'keyed', key: 'name' },
  '/environments/*/pools': { kind: 'set' },
};

describe('diffValues', () => {
  it('compares sets without order and reports the set once', () => {
    expect(diffValues({ regions: ['b', 'a'] }, { regions: ['a', 'b'] }, RULES)).toEqual([]);
    expect(diffValues({ regions: ['a', 'c'] }, { regions: ['b', 'a'] }, RULES)).toEqual([
      { path: '/regions', before: ['a', 'b'], after: ['a', 'c'] },
    ]);
  });

  it('matches keyed lists by key and recurses into items', () => {
    const desired = {
      environments: [
        { name: 'DataLake', mode: 'ON_DEMAND' },
        { name: 'Tooling', pools: ['x', 'y'] },
      ],
    };
    const live = {
      environments: [
        { name: 'Tooling', pools: ['y', 'x'] },
        { name: 'Old', mode: 'ON_CREATE' },
      ],
    };
    expect(diffValues(desired, live, RULES)).toEqual([
      { path: '/environments/DataLake', after: { name: 'DataLake', mode: 'ON_DEMAND' } },
      { path: '/environments/Old', before: { name: 'Old', mode: 'ON_CREATE' } },
    ]);
  });

  it('reports nested fields with escaped pointers, before and after', () => {
    expect(diffValues({ tags: { 'a/b': '1', c: '2' } }, { tags: { 'a/b': '0' } })).toEqual([
      { path: '/tags/a~1b', before: '0', after: '1' },
      { path: '/tags/c', after: '2' },
    ]);
  });

  it('treats a missing field and an undefined one alike', () => {
    expect(diffValues({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });
});

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 4 }),
    fc.integer(),
    fc.boolean(),
    fc.array(tie('value'), { maxLength: 3 }),
    // Manifests and API answers are plain objects: the loader drops __proto__ keys, so the generator does too.
    fc.dictionary(
      fc.string({ maxLength: 3 }).filter((k) => k !== '__proto__'),
      tie('value'),
      { maxKeys: 3, noNullPrototype: true },
    ),
  ),
})).value;

describe('diffValues properties', () => {
  it('diff(x, x) is empty', () => {
    fc.assert(
      fc.property(json, (x) => {
        expect(diffValues(x, structuredClone(x), RULES)).toEqual([]);
      }),
    );
  });

  it('is empty exactly when the values are equal (no rules)', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(diffValues(a, b).length === 0).toBe(same);
      }),
    );
  });

  it('never throws and every change has a path, sorted and unique', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const changes = diffValues(a, b, RULES);
        const paths = changes.map((c) => c.path);
        expect(new Set(paths).size).toBe(paths.length);
      }),
    );
  });
});

// Values shaped like the rules (keyed lists with repeated, missing and reordered keys, sets,
// nested objects), so that the in-sync shortcut's every branch is reached, plus arbitrary JSON.
const scalar = fc.oneof(fc.constantFrom('a', 'b', 'c', ''), fc.integer({ min: 0, max: 2 }));
const item = fc.record(
  {
    name: fc.oneof(fc.constantFrom('x', 'y', 'z'), json),
    pools: fc.oneof(fc.array(scalar, { maxLength: 3 }), json),
    target: fc.oneof(
      fc.record({ account: scalar, region: scalar }, { requiredKeys: [], noNullPrototype: true }),
      json,
    ),
  },
  { requiredKeys: [], noNullPrototype: true },
);
const shaped = fc.record(
  {
    regions: fc.oneof(fc.array(scalar, { maxLength: 3 }), json),
    environments: fc.oneof(fc.array(fc.oneof(item, json), { maxLength: 4 }), json),
    description: fc.oneof(scalar, json),
  },
  { requiredKeys: [], noNullPrototype: true },
);

/** The same value with every array shuffled by `order` (a keyed list or a set in another order). */
function reordered(value: unknown, order: number): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => reordered(v, order));
    return order % 2 === 0
      ? items.reverse()
      : [...items.slice(order % items.length), ...items.slice(0, order % items.length)];
  }
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reordered(v, order)]));
  return value;
}

describe('the in-sync shortcut', () => {
  it('finds exactly what the full diff finds, with rules at every depth', () => {
    fc.assert(
      fc.property(shaped, shaped, fc.nat(5), fc.nat(3), (a, b, order, mode) => {
        // Another value, the same one reordered, or reordered with one keyed item added or dropped.
        const other = mode === 0 ? b : (reordered(a, order) as Record<string, unknown>);
        if (mode > 1 && Array.isArray(other.environments)) {
          const list = [...(other.environments as unknown[])];
          if (mode === 2) list.push({ name: order % 2 === 0 ? 'x' : 'w' });
          else list.splice(order % Math.max(1, list.length), 1);
          other.environments = list;
        }
        expect(diffValues(a, other, RULES)).toEqual(diffValuesInFull(a, other, RULES));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the allocation-free helpers agree with what they replaced', () => {
  /** A value and, often, a near copy of it: one leaf changed, one key added or dropped, or none. */
  const pair = fc
    .tuple(json, fc.nat(3), fc.nat(7))
    .map(([v, mode, at]) => [v, mode === 0 ? v : nearCopy(v, mode, at)] as const);

  it('deepEqual answers as fast-deep-equal on random JSON values and near copies', () => {
    fc.assert(
      fc.property(pair, json, ([a, b], c) => {
        expect(deepEqual(a, b)).toBe(fastDeepEqual(a, b));
        expect(deepEqual(b, a)).toBe(fastDeepEqual(b, a));
        expect(deepEqual(a, c)).toBe(fastDeepEqual(a, c));
      }),
      { numRuns: 3000 },
    );
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(deepEqual([1, [2, { x: 'y' }]], [1, [2, { x: 'y' }]])).toBe(true);
  });

  it('matchesPattern answers as splitting the path and comparing segments', () => {
    const segment = fc.constantFrom('', 'a', 'b', '*', 'ab', '~1');
    const pointer = fc.array(fc.constantFrom('', 'a', 'b', 'ab', '~1', '*'), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), pointer, (pattern, parts) => {
        const path = parts.map((p) => `/${p}`).join('');
        const split = path.split('/');
        const want =
          pattern.length === split.length && pattern.every((seg, i) => seg === '*' || seg === split[i]);
        expect(matchesPattern(pattern, path)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});

/** `v` with one change somewhere: a leaf replaced (mode 1), a key added (2) or one dropped (3). */
function nearCopy(v: unknown, mode: number, at: number): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0) return mode === 2 ? [0] : v;
    const i = at % v.length;
    return v.map((item, j) => (j === i ? nearCopy(item, mode, at >> 1) : item));
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (mode === 2) return { ...v, [`k${at}`]: at };
    if (entries.length === 0) return mode === 3 ? v : { x: 1 };
    const i = at % entries.length;
    if (mode === 3) return Object.fromEntries(entries.filter((_, j) => j !== i));
    return Object.fromEntries(
      entries.map(([k, item], j) => [k, j === i ? nearCopy(item, mode, at >> 1) : item]),
    );
  }
  return typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}.` : !v;
}
