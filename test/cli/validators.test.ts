/**
 * The build-time validators (src/validate/generated/validators.ts) are in step with schemas/: the
 * generator's output today equals the committed file, and the precompiled validators answer
 * exactly as validators compiled at run time do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManifestSchemas, precompiledSchemas } from '../../src/validate/schemas.js';
import { generateValidatorsSource } from '../../src/validate/generate-validators.js';
import { parseManifestText } from '../../src/load/parse.js';
import { createCompiledSchemaValidator, createSchemaValidator } from '../../src/validate/schema-validator.js';

describe('build-time validators', () => {
  it('are in step with schemas/ (run `npm run build:validators` when this fails)', () => {
    const committed = readFileSync('src/validate/generated/validators.ts', 'utf8');
    expect(generateValidatorsSource('schemas/')).toBe(committed);
    expect(precompiledSchemas()).toBeDefined();
  });

  it('report the same diagnostics as validators compiled at run time', () => {
    const precompiled = createCompiledSchemaValidator(precompiledSchemas()!);
    const runtime = createSchemaValidator(loadManifestSchemas());
    const { documents } = parseManifestText(
      'bad.yaml',
      [
        'apiVersion: smus-gitops/v1',
        'kind: Project',
        'metadata: { name: p, domain: d, colour: x }',
        'spec: { projectProfile: 7, description: [1] }',
        '---',
        'apiVersion: smus-gitops/v1',
        'kind: Domain',
        'metadata: { name: corp }',
        'spec: { region: nowhere }',
      ].join('\n'),
      true,
    );
    expect(documents.length).toBe(2);
    for (const document of documents) {
      const a = precompiled.validate(document).diagnostics;
      expect(a.length).toBeGreaterThan(0);
      expect(a).toEqual(runtime.validate(document).diagnostics);
    }
  });
});
