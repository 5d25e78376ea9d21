/**
 * The fast parse path (src/load/fast-yaml.ts) is trusted only where it reads exactly what the
 * `yaml` library reads: whenever it accepts a text, the exact path must accept it too (no error)
 * and produce the same documents. Checked on the examples and a generated organisation (which
 * must take the fast path), on random mutations of the examples, and on generated YAML full of
 * scalars that resolve differently across YAML versions and parsers.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverManifestFiles } from '../../src/load/files.js';
import { parsePlainDocuments } from '../../src/load/fast-yaml.js';
import { parseManifestText } from '../../src/load/parse.js';
import { generateOrg } from '../helpers/generate.js';
import { applyEdit, textEdit } from '../helpers/mutate.js';

const { files } = await discoverManifestFiles(['manifests-example'], process.cwd());
const examples = files.map((file) => readFileSync(file, 'utf8'));

/** Asserts that when the fast path accepts `text`, the exact path reads the same documents without error. */
function expectSameAsExact(text: string): boolean {
  const fast = parsePlainDocuments(text);
  if (fast === undefined) return false;
  const exact = parseManifestText('t.yaml', text, true);
  expect(exact.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(fast).toEqual(exact.documents.map((d) => d.data));
  expect(exact.documents.map((d) => d.index)).toEqual(fast.map((_, i) => i));
  return true;
}

// Scalars whose type differs between YAML 1.1, 1.2 core and parsers' extensions.
const TRICKY_SCALARS = [
  '0b101',
  '1_000',
  '1_0.5',
  '.5',
  '1.',
  '1e3',
  '1E+3',
  '1e',
  '+12',
  '-0',
  '007',
  '0o17',
  '0o8',
  '0x1f',
  '0X1F',
  '0xg',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  'nan',
  '~',
  'null',
  'Null',
  'NULL',
  'nUll',
  'true',
  'True',
  'TRUE',
  'tRue',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '2024-01-01',
  '2024-01-01T10:00:00Z',
  '12:30',
  '1:20:30',
  '0.1.2',
  'a#b',
  'arn:aws:iam::123456789012:role/x',
  '"0x1F"',
  "'true'",
  '"a\\tb"',
  '"\\x41\\u263A\\U0001F600"',
  "'it''s'",
  '"line\\nbreak"',
  '"trailing "',
  'a  b',
  '-',
  '--',
  '- -',
  '123456789012',
  '1234567890123456789012',
  '-1.5e-3',
  '=',
  '<<',
];

const plainKey = fc.constantFrom(
  'a',
  'spec',
  'name',
  'b c',
  'x-y',
  'x_y',
  '1',
  'true',
  '0x1F',
  '"q d"',
  "'s'",
);
const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_SCALARS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9 .:/_-]{1,12}$/) },
);

interface Block {
  lines: string[];
}

function indent(lines: string[], by: string): string[] {
  return lines.map((l) => (l === '' ? l : by + l));
}

/** A block value rendered under a key: inline (`key: value`) or on the following lines. */
const { value } = fc.letrec<{
  value: { inline?: string; block?: string[] };
  map: Block;
  seq: Block;
}>((tie) => ({
  value: fc.oneof(
    { weight: 4, arbitrary: scalar.map((s) => ({ inline: s })) },
    {
      weight: 1,
      arbitrary: fc.array(scalar, { maxLength: 3 }).map((xs) => ({ inline: `[${xs.join(', ')}]` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(plainKey, scalar), { maxLength: 2 })
        .map((kv) => ({ inline: `{${kv.map(([k, v]) => `${k}: ${v}`).join(', ')}}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('|', '>', '|-', '>+', '|2'),
          fc.array(fc.stringMatching(/^[a-z ]{0,10}$/), { minLength: 1, maxLength: 3 }),
        )
        .map(([style, lines]) => ({ inline: style, block: lines.map((l) => `  ${l}`) })),
    },
    { weight: 1, arbitrary: tie('map').map((b) => ({ block: indent(b.lines, '  ') })) },
    { weight: 1, arbitrary: tie('seq').map((b) => ({ block: b.lines })) },
  ),
  map: fc
    .uniqueArray(fc.tuple(plainKey, tie('value')), { minLength: 1, maxLength: 4, selector: ([k]) => k })
    .map((entries) => ({
      lines: entries.flatMap(([k, v]) => [
        v.inline === undefined ? `${k}:` : `${k}: ${v.inline}`,
        ...(v.block ?? []),
      ]),
    })),
  seq: fc.array(tie('value'), { minLength: 1, maxLength: 3 }).map((items) => ({
    lines: items.flatMap((v) =>
      v.block && v.inline === undefined
        ? [`-`, ...indent(v.block, '  ')]
        : [`- ${v.inline ?? ''}`, ...indent(v.block ?? [], '  ')],
    ),
  })),
}));

/** Layout noise on rendered YAML: comments, blank lines, trailing blanks, CRLF, document ends. */
const layout = fc.record({
  comment: fc.nat({ max: 4 }),
  blank: fc.nat({ max: 4 }),
  trailing: fc.constantFrom('', ' ', '\t', '  '),
  crlf: fc.boolean(),
  end: fc.boolean(),
});

const multiLineScalar = fc.constantFrom(
  '"first\n  second"',
  "'first\n\n  second'",
  'plain\n  continued',
  '"escaped \\\n  newline"',
  '>-\n  folded\n\n  text\n',
);

const generatedYaml = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 5, arbitrary: value.map((v) => [v.inline ?? '', ...(v.block ?? [])].join('\n')) },
        { weight: 1, arbitrary: multiLineScalar },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    layout,
  )
  .map(([docs, l]) => {
    const lines = docs
      .map((d) => `---\nroot: ${d}\n${l.end ? '...\n' : ''}`)
      .join('')
      .split('\n')
      .map((line, i) => {
        if (line === '' || line.startsWith('---') || line === '...') return line;
        if (l.comment && i % (l.comment + 1) === 0) return `${line} # note ${i}`;
        return i % 3 === 0 ? line + l.trailing : line;
      })
      .flatMap((line, i) => (l.blank && i % (l.blank + 2) === 0 ? [line, ''] : [line]));
    return lines.join(l.crlf ? '\r\n' : '\n');
  });

describe('fast YAML path against the exact path', () => {
  it('takes the fast path on the examples and a generated organisation, reading the same data', () => {
    for (const text of [
      ...examples,
      generateOrg(7, {
        units: 3,
        pools: 3,
        accountsPerPool: 4,
        profiles: 3,
        projects: 40,
        membersPerProject: 3,
      }),
    ])
      expect(expectSameAsExact(text)).toBe(true);
  });

  it('reads mutated examples exactly as `yaml` does whenever it accepts them', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(textEdit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        if (expectSameAsExact(edits.reduce(applyEdit, examples[which % examples.length]!))) fast++;
      }),
      {
        numRuns: Number(process.env['SMUS_FAST_YAML_RUNS'] ?? 400),
        seed: Number(process.env['SMUS_FAST_YAML_SEED'] ?? 20261125),
      },
    );
    // The property must have been exercised on the fast path, not only on its refusals.
    expect(fast).toBeGreaterThan(100);
  });

  it('resolves tricky scalars, flow and block values exactly as `yaml` does', () => {
    let fast = 0;
    fc.assert(
      fc.property(generatedYaml, (text) => {
        if (expectSameAsExact(text)) fast++;
      }),
      {
        numRuns: Number(process.env['SMUS_FAST_YAML_RUNS'] ?? 600),
        seed: Number(process.env['SMUS_FAST_YAML_SEED'] ?? 20261125),
      },
    );
    expect(fast).toBeGreaterThan(200);
  });
});
