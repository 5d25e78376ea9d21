/**
 * The line reader (src/load/plain-lines.ts) is trusted only where it reads exactly what the
 * `yaml` library reads: whenever it accepts a text, the exact path must accept it without error
 * and produce the same documents. Checked on a generated organisation (which it must accept), on
 * random edits of it, and on generated YAML of its subset and just outside it (tricky scalars and
 * keys, flow collections, sequences under keys at the key's indentation, `- key:` items).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePlain } from '../../src/load/fast-yaml.js';
import { parseManifestText } from '../../src/load/parse.js';
import { parsePlainLines } from '../../src/load/plain-lines.js';
import { generateOrg } from '../helpers/generate.js';
import { applyEdit, textEdit } from '../helpers/mutate.js';

/** Asserts that when the line reader accepts `text`, the exact path reads the same documents without error. */
function expectSameAsExact(text: string): boolean {
  const fast = parsePlainLines(text, resolvePlain);
  if (fast === undefined) return false;
  const exact = parseManifestText('t.yaml', text, true);
  expect(exact.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(fast).toEqual(exact.documents.map((d) => d.data));
  return true;
}

const ORG = generateOrg(11, {
  units: 3,
  pools: 3,
  accountsPerPool: 4,
  profiles: 3,
  projects: 30,
  membersPerProject: 3,
});

const SCALARS = [
  'plain',
  'two words',
  'a  b',
  'arn:aws:iam::123456789012:role/x',
  'a:b',
  'a,b',
  'see [docs]',
  'x{y}',
  '0b101',
  '1_000',
  '.5',
  '1.',
  '1e3',
  '+12',
  '-0',
  '-1.5e-3',
  '007',
  '0o17',
  '0o8',
  '0x1f',
  '0X1F',
  '.inf',
  '-.Inf',
  '.NaN',
  'nan',
  '~',
  'null',
  'Null',
  'nUll',
  'true',
  'False',
  'tRue',
  'yes',
  'on',
  'y',
  '2024-01-01',
  '12:30',
  '0.1.2',
  '123456789012',
  '1234567890123456789012',
  '-',
  '--',
  '-x',
  '- x',
  '=',
  '<<',
  '?x',
  ':x',
  '"quoted"',
  '"0x1F"',
  '"with: colon"',
  '"a\\tb"',
  "'single'",
  "'it''s'",
  '""',
  "''",
  '"unterminated',
  'trailing:',
  'a &b',
  'a *b',
  'a !b',
  '&a',
  '*a',
  '!t x',
  'a#b',
  'x]',
  '|',
  '>-',
];
const KEYS = [
  'a',
  'spec',
  'x-y',
  'x_y',
  '_k',
  '1',
  'true',
  'on',
  'y',
  'null',
  '__proto__',
  'constructor',
  '"q"',
  'a b',
];

// Mostly what the reader accepts (so the property sees accepted texts), some of what it must refuse.
const scalar = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...SCALARS) },
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9 ./_-]{0,8}[a-z0-9]$/) },
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,5}$/) },
  fc.constantFrom(...KEYS),
);
const flow: fc.Arbitrary<string> = fc.letrec<{ flow: string }>((tie) => ({
  flow: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'yaml' },
    scalar,
    fc
      .array(fc.oneof({ maxDepth: 3, depthIdentifier: 'yaml' }, scalar, tie('flow')), { maxLength: 3 })
      .map((xs) => `[${xs.join(', ')}]`),
    fc
      .array(fc.tuple(key, fc.oneof({ maxDepth: 3, depthIdentifier: 'yaml' }, scalar, tie('flow'))), {
        maxLength: 3,
      })
      .map((kv) => `{ ${kv.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
  ),
})).flow;

const indent = (lines: string[], by: string) => lines.map((l) => by + l);

/** A block mapping's lines (`ownIndentSeq`: sequences under keys at the key's indentation). */
const block = fc.letrec<{ map: string[]; seq: string[] }>((tie) => ({
  map: fc
    .array(
      fc.tuple(
        key,
        fc.oneof(
          { maxDepth: 3, depthIdentifier: 'yaml' },
          flow.map((v) => ({ inline: v })),
          tie('map').map((lines) => ({ lines: indent(lines, '  ') })),
          fc
            .tuple(tie('seq'), fc.boolean())
            .map(([lines, own]) => ({ lines: own ? lines : indent(lines, '  ') })),
        ),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((entries) =>
      entries.flatMap(([k, v]) => ('inline' in v ? [`${k}: ${v.inline}`] : [`${k}:`, ...v.lines])),
    ),
  seq: fc
    .array(
      fc.oneof(
        { maxDepth: 3, depthIdentifier: 'yaml' },
        flow.map((v) => [`- ${v}`]),
        tie('map').map(([first, ...rest]) => [`- ${first}`, ...indent(rest, '  ')]),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((items) => items.flat()),
}));

const generated = fc
  .tuple(fc.array(block.map, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([docs, lead]) => `${lead ? '---\n' : ''}${docs.map((d) => d.join('\n')).join('\n---\n')}\n`);

describe('line reader against the exact path', () => {
  it('accepts a generated organisation and reads the same data', () => {
    expect(expectSameAsExact(ORG)).toBe(true);
  });

  it('reads edited organisations exactly as `yaml` does whenever it accepts them', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 3 }), (edits) => {
        if (expectSameAsExact(edits.reduce(applyEdit, ORG))) accepted++;
      }),
      { numRuns: Number(process.env['SMUS_FAST_YAML_RUNS'] ?? 300), seed: 20261205 },
    );
    // The property must have been exercised on accepted texts, not only on refusals.
    expect(accepted).toBeGreaterThan(30);
  });

  it('reads generated mappings, sequences, flow collections and tricky scalars exactly as `yaml` does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(generated, (text) => {
        if (expectSameAsExact(text)) accepted++;
      }),
      { numRuns: Number(process.env['SMUS_FAST_YAML_RUNS'] ?? 600), seed: 20261205 },
    );
    expect(accepted).toBeGreaterThan(60);
  });
});
