/** The file layout of an export: names per layout, numbered on a slug collision, sorted, schema line first. */
import { describe, expect, it } from 'vitest';
import { envelope } from '../../src/export/document.js';
import { slug } from '../../src/export/slug.js';
import { layoutFiles } from '../../src/export/write.js';
import { TOOL_VERSION } from '../../src/version.js';

const units = [
  envelope('DomainUnit', 'HR Team', 'd', { description: 'a' }),
  envelope('DomainUnit', 'hr-team', 'd', {}),
  envelope('DomainUnit', 'HR Team/Benefits', 'd', {}),
];

describe('export layout', () => {
  it('slugs names into file names', () => {
    expect(slug('HR/Benefits')).toBe('hr-benefits');
    expect(slug('  ')).toBe('unnamed');
  });

  it('writes one file per kind with every document, the schema line first', () => {
    const files = layoutFiles(units, 'per-kind');
    expect(files.map((f) => f.path)).toEqual(['domain-units.yaml']);
    const text = files[0]?.text ?? '';
    // The published schema of this version, never a path into the checkout that ran the export.
    expect(text.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://unpkg.com/smus-gitops@${TOOL_VERSION}/schemas/domain-unit.schema.json`,
    );
    expect(text.match(/^---$/gm)).toHaveLength(2);
  });

  it('numbers per-resource files whose names share a slug instead of merging them', () => {
    const files = layoutFiles(units, 'per-resource');
    expect(files.map((f) => f.path)).toEqual([
      'domain-units/hr-team-2.yaml',
      'domain-units/hr-team-benefits.yaml',
      'domain-units/hr-team.yaml',
    ]);
    expect(files.find((f) => f.path === 'domain-units/hr-team-2.yaml')?.text).toContain('name: hr-team');
  });

  it('omits undefined values and keeps the envelope key order', () => {
    const doc = envelope('AccountPool', 'p', 'd', { description: undefined, resolutionStrategy: 'MANUAL' });
    expect(Object.keys(doc.body)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(doc.body['spec']).toEqual({ resolutionStrategy: 'MANUAL' });
  });
});
