/**
 * Acceptance 3 of the foundation: each kind of mistake, in a fixture of its own, gives exit 1 with
 * its stable code at the exact line and column of the offending node.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DIR = 'test/fixtures/validate';

// [fixture, [code, line, col][]] — every error the fixture must produce, and no other.
const CASES: [string, [string, number, number][]][] = [
  ['syntax-error', [['SG110', 46, 1]]],
  ['unknown-field', [['SG201', 49, 3]]],
  ['wrong-type', [['SG203', 49, 22]]],
  ['bad-enum', [['SG204', 52, 20]]],
  ['name-pattern', [['SG205', 45, 9]]],
  ['name-length', [['SG206', 45, 9]]],
  ['duplicate-identity', [['SG300', 45, 9]]],
  ['dangling-profile', [['SG302', 48, 12]]],
  ['dangling-pool', [['SG303', 52, 40]]],
  ['dangling-domain-unit', [['SG304', 49, 15]]],
  ['dangling-domain', [['SG301', 46, 11]]],
  ['account-not-in-pool', [['SG306', 49, 22]]],
  ['region-unsupported', [['SG307', 51, 13]]],
  ['mixed-target', [['SG208', 51, 7]]],
  ['policy-violation', [['SG400', 6, 11]]],
  ['profileless-with-target', [['SG318', 49, 3]]],
  [
    'several-mistakes',
    [
      ['SG201', 47, 3],
      ['SG204', 53, 20],
      ['SG200', 56, 7],
    ],
  ],
];

describe('validate reports each mistake at its node', () => {
  it.each(CASES)('%s', async (name, expected) => {
    const file = `${DIR}/${name}.yaml`;
    const result = await runCli(['validate', file, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as {
      diagnostics: {
        code: string;
        severity: string;
        location: { file: string; start: { line: number; col: number } };
      }[];
    };
    const errors = report.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => [d.code, d.location.start.line, d.location.start.col]);
    expect(errors).toEqual(expected);
    for (const d of report.diagnostics) expect(d.location.file).toBe(file);
  });

  it('prints file:line:col  error  CODE  message in text format', async () => {
    const result = await runCli(['validate', `${DIR}/unknown-field.yaml`]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      `${DIR}/unknown-field.yaml:49:3  error  SG201  unknown field "descripton" (did you mean "description"?)\n` +
        '5 documents in 1 file (1 Domain, 1 DomainUnit, 1 AccountPool, 1 ProjectProfile): 1 error, 0 warnings\n',
    );
  });

  it('prints GitHub annotations, escaped', async () => {
    const result = await runCli(['validate', `${DIR}/unknown-field.yaml`, '--format', 'github']);
    expect(result.stdout.split('\n')[0]).toBe(
      `::error file=${DIR}/unknown-field.yaml,line=49,col=3,endLine=49,endColumn=13,title=SG201::unknown field "descripton" (did you mean "description"?)`,
    );
  });
});
