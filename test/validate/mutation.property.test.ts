/**
 * Foundation acceptance 5: random mutations of the example manifests never make the loader
 * throw; the result either validates or carries at least one located diagnostic.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverManifestFiles } from '../../src/load/files.js';
import { manifestSchemaValidator } from '../../src/validate/load-manifests.js';
import { validateManifests, type ManifestFile } from '../../src/validate/validate-manifests.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { applyEdit, textEdit } from '../helpers/mutate.js';

const { files } = await discoverManifestFiles(['manifests-example'], process.cwd());
const originals = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('loader under random mutation of the examples', () => {
  it('never throws; invalid results carry a located diagnostic', () => {
    const validator = manifestSchemaValidator();
    fc.assert(
      fc.property(fc.nat(), fc.array(textEdit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const target = which % originals.length;
        const input: ManifestFile[] = originals.map(({ file, text }, i) => ({
          file,
          bytes: new TextEncoder().encode(i === target ? edits.reduce(applyEdit, text) : text),
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
