/** The differ: sets, keyed lists, nested objects, and its algebraic properties (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffValues, type DiffRules } from '../../src/diff/diff.js';

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
