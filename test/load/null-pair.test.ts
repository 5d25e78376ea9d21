/**
 * Regression (found by the mutation property once the example grew): a flow-mapping key with no value
 * (`resourceTags: { namer-data-eng }` after a deleted `team: `) made the one-pass alias index read
 * `.anchor` of null and crash the loader. It must load, with any error located.
 */
import { describe, expect, it } from 'vitest';
import { manifestSchemaValidator } from '../../src/validate/load-manifests.js';
import { validateManifests } from '../../src/validate/validate-manifests.js';

describe('a key with no value beside anchors and aliases', () => {
  it('loads without throwing; the valueless tag is a located error', () => {
    const text = [
      'apiVersion: smus-gitops/v1alpha1',
      'kind: Project',
      'metadata:',
      '  name: p',
      '  domain: &d corp',
      'spec:',
      '  profile: *d',
      '  resourceTags: { namer-data-eng }',
      '',
    ].join('\n');
    const result = validateManifests(
      [{ file: 'm.yaml', bytes: new TextEncoder().encode(text) }],
      manifestSchemaValidator(),
    );
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.location?.file === 'm.yaml')).toBe(true);
  });
});
