/**
 * Hostile input (foundation acceptance 4): each is rejected with a located diagnostic, never a
 * crash, a hang or prototype pollution. Time and memory are measured by scripts/measure-hostile.ts
 * (a timing is never asserted in a unit test).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_INPUTS } from '../helpers/hostile-inputs.js';
import { runCli } from '../helpers/cli.js';

describe('hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smus-hostile-'));

  it.each(HOSTILE_INPUTS.map((h) => [h.name, h] as const))('%s → located %s', async (_name, input) => {
    const file = join(dir, `${input.name}.yaml`);
    writeFileSync(file, input.content());
    const result = await runCli(['validate', file, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as {
      diagnostics: { code: string; location?: { file: string; start: { line: number; col: number } } }[];
    };
    const hit = report.diagnostics.find((d) => d.code === input.code);
    expect(hit, JSON.stringify(report.diagnostics)).toBeDefined();
    expect(hit?.location?.file).toBe(file);
    expect([hit?.location?.start.line, hit?.location?.start.col]).toEqual(input.at);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
