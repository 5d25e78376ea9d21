/**
 * The reference pages (docs/reference/<kind>.md) are generated from the schemas: regenerating
 * them must give the committed pages byte for byte, and every kind schema in schemas/ (including
 * kinds added later) has its page. Run `npx tsx scripts/gen-reference.ts` after a schema change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReference } from '../../scripts/gen-reference.js';

const pages = renderReference();

describe('docs/reference', () => {
  it('has exactly one page per kind schema', () => {
    const kindSchemas = readdirSync('schemas')
      .filter((f) => f.endsWith('.schema.json'))
      .filter((f) => {
        const schema = JSON.parse(readFileSync(`schemas/${f}`, 'utf8')) as {
          properties?: { kind?: { const?: unknown } };
        };
        return typeof schema.properties?.kind?.const === 'string';
      })
      .map((f) => f.replace(/\.schema\.json$/, '.md'))
      .sort();
    expect(kindSchemas.length).toBeGreaterThan(0);
    expect([...pages.keys()].sort()).toEqual(kindSchemas);
    expect(readdirSync('docs/reference').sort()).toEqual(kindSchemas);
  });

  it.each([...pages.keys()])('%s is what the generator writes', (name) => {
    expect(readFileSync(`docs/reference/${name}`, 'utf8')).toBe(pages.get(name));
  });

  it('marks the immutable fields', () => {
    expect(pages.get('project.md')).toMatch(/\| `\/profile` \| string \|[^\n]*\| \*\*yes\*\* \|/);
    expect(pages.get('studio-domain.md')).toMatch(/\| `\/vpcId` \|[^\n]*\| \*\*yes\*\* \|/);
  });
});
