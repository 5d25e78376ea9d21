/**
 * `uniqueItems` over lists of objects (pool accounts) and of `$ref`-typed strings (regions) is
 * checked in linear time (src/validate/duplicate-items.ts) yet reports the very pair Ajv's own
 * pairwise search reports; the build-time and run-time validators agree on it, and a pool far
 * over its size limit is refused with the limit and the duplicate, not searched pair by pair;
 * entries with a `valueOf` key no longer crash the comparison.
 */
import fc from 'fast-check';
import deepEqual from 'fast-deep-equal';
import { describe, expect, it } from 'vitest';
import duplicatePair, { valueHash } from '../../src/validate/duplicate-items.js';
import { parseManifestText } from '../../src/load/parse.js';
import { createCompiledSchemaValidator, createSchemaValidator } from '../../src/validate/schema-validator.js';
import { loadManifestSchemas, precompiledSchemas } from '../../src/validate/schemas.js';

/** Ajv's own search (ajv/dist/vocabularies/validation/uniqueItems.js, loopN2). */
function ajvPair(items: readonly unknown[]): [number, number] | undefined {
  for (let i = items.length; i--;) for (let j = i; j--;) if (deepEqual(items[i], items[j])) return [i, j];
  return undefined;
}

// Few distinct leaves, so that lists repeat entries often, in key orders of their own.
const leaf = fc.constantFrom<unknown>('a', 'b', '1', 1, 1.5, -0, 0, NaN, true, false, null, '', 'x,y');
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  map: fc.dictionary(fc.constantFrom('id', 'regions', 'name', 'a'), tie('value'), {
    maxKeys: 3,
    noNullPrototype: true,
  }),
})).value;

function pool(accounts: string[]): string {
  return [
    'apiVersion: smus-gitops/v1alpha1',
    'kind: AccountPool',
    'metadata: { name: p, domain: d }',
    'spec:',
    '  accounts:',
    ...accounts.map((line) => `    - ${line}`),
  ].join('\n');
}

const account = (n: number, regions = 'us-east-1') =>
  `{ id: "${String(300000000000 + n)}", regions: [${regions}] }`;

describe('uniqueItems in linear time', () => {
  it('finds the pair Ajv finds, in short lists and long ones', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (items) => {
        expect(duplicatePair(items)).toEqual(ajvPair(items));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the pair when two different entries share a hash (the search falls back to keys)', () => {
    // Found by a search over `us-east-N`: different strings, one 32-bit hash.
    const [a, b] = ['us-east-449599', 'us-east-612382'];
    expect(a).not.toBe(b);
    expect(valueHash(a)).toBe(valueHash(b));
    const filler = Array.from({ length: 20 }, (_, n) => ({ id: `acct-${n}`, regions: [`r-${n}`] }));
    const entry = (region: string) => ({ regions: [region], id: 'x' });
    const cases: unknown[][] = [
      [...filler, a, b],
      [...filler, a, b, 'c', a],
      [...filler, entry(a), entry(b), { id: 'x', regions: [b] }, 'acct-3'],
      [a, ...filler, b, filler[3], a, b],
    ];
    for (const items of cases) expect(duplicatePair(items)).toEqual(ajvPair(items));
    expect(cases.map((items) => duplicatePair(items))).toEqual([undefined, [23, 20], [22, 21], [24, 21]]);
  });

  it('reports the same diagnostics from the build-time and the run-time validators', () => {
    const precompiled = createCompiledSchemaValidator(precompiledSchemas()!);
    const runtime = createSchemaValidator(loadManifestSchemas());
    const texts = [
      pool([account(1), account(2), account(1), account(2)]),
      pool([
        ...Array.from({ length: 20 }, (_, n) => account(n)),
        account(3),
        account(7, 'eu-west-1, eu-west-1'),
      ]),
    ];
    for (const text of texts) {
      const [document] = parseManifestText('pool.yaml', text, true).documents;
      const diagnostics = precompiled.validate(document!).diagnostics;
      expect(diagnostics).toEqual(runtime.validate(document!).diagnostics);
      expect(diagnostics.map((d) => d.message)).toContain(
        text.includes('eu-west-1, eu-west-1')
          ? 'must NOT have duplicate items (items ## 3 and 20 are identical)'
          : 'must NOT have duplicate items (items ## 1 and 3 are identical)',
      );
    }
  });

  it('refuses a pool of 5,000 accounts with its limit and its duplicate', () => {
    const accounts = Array.from({ length: 5_000 }, (_, n) => account(n));
    accounts[4_999] = account(5);
    const [document] = parseManifestText('pool.yaml', pool(accounts)).documents;
    const diagnostics = createCompiledSchemaValidator(precompiledSchemas()!).validate(document!).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.message, d.location?.start])).toEqual([
      ['SG207', 'must NOT have more than 25 items', { line: 6, col: 5 }],
      ['SG207', 'must NOT have duplicate items (items ## 5 and 4999 are identical)', { line: 6, col: 5 }],
    ]);
  });

  it('compares entries with a valueOf or toString key as data (it used to crash the tool)', () => {
    const text = pool(['{ id: "300000000001", valueOf: a }', '{ id: "300000000001", valueOf: a }']);
    const [document] = parseManifestText('pool.yaml', text).documents;
    const diagnostics = createCompiledSchemaValidator(precompiledSchemas()!).validate(document!).diagnostics;
    expect(
      diagnostics.map((d) => `${d.location?.start.line}:${d.location?.start.col} ${d.code} ${d.message}`),
    ).toEqual([
      '6:7 SG202 missing required field "regions"',
      '6:29 SG201 unknown field "valueOf"',
      '7:7 SG202 missing required field "regions"',
      '7:29 SG201 unknown field "valueOf"',
      '6:5 SG207 must NOT have duplicate items (items ## 0 and 1 are identical)',
    ]);
  });
});
