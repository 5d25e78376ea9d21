/**
 * Foundation acceptance 5: random mutations of the example manifests never make the loader
 * throw; the result either validates or carries at least one located diagnostic.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverManifestFiles } from '../../src/load/files.js';
import { manifestSchemaValidator } from '../../src/load/load-manifests.js';
import { validateManifests, type ManifestFile } from '../../src/validate/validate-manifests.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';

const { files } = await discoverManifestFiles(['manifests-example'], process.cwd());
const originals = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

/** A text edit: delete, insert, duplicate or swap, at positions chosen relative to the text's length. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      ':',
      '- ',
      '\n  ',
      '{',
      '[',
      '"',
      "'",
      '&x ',
      '*x',
      '!!binary ',
      '---\n',
      '__proto__: 1\n',
      '\t',
      '#',
    ),
  }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), a: fc.nat() }),
);

function apply(
  text: string,
  e: fc.Arbitrary<unknown> extends never ? never : Record<string, unknown>,
): string {
  const lines = text.split('\n');
  switch (e.op) {
    case 'delete': {
      const at = (e.at as number) % Math.max(1, text.length);
      return text.slice(0, at) + text.slice(at + (e.len as number));
    }
    case 'insert': {
      const at = (e.at as number) % Math.max(1, text.length + 1);
      return text.slice(0, at) + (e.text as string) + text.slice(at);
    }
    case 'swapLines': {
      const a = (e.a as number) % lines.length;
      const b = (e.b as number) % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    default: {
      const a = (e.a as number) % lines.length;
      lines.splice(a, 0, lines[a]!);
      return lines.join('\n');
    }
  }
}

describe('loader under random mutation of the examples', () => {
  it('never throws; invalid results carry a located diagnostic', () => {
    const validator = manifestSchemaValidator();
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const target = which % originals.length;
        const input: ManifestFile[] = originals.map(({ file, text }, i) => ({
          file,
          bytes: new TextEncoder().encode(i === target ? edits.reduce((t, e) => apply(t, e), text) : text),
        }));
        const result = validateManifests(input, validator);
        if (hasErrors(result.diagnostics)) {
          expect(result.diagnostics.some((d) => d.severity === 'error' && d.location !== undefined)).toBe(
            true,
          );
        }
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
