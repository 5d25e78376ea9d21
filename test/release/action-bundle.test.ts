/**
 * The action runs the checked-in bundle (action/dist/index.js) beside the repository's schemas/.
 * A bundle built before a schema change embeds validators for the old schemas: the CLI then falls
 * back to compiling at run time, with the old code's lookups, and a release would ship it. The
 * bundle must carry the digest of today's schemas (rebuild with `npm run build:action`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemasDigest } from '../../src/validate/schema-files.js';

describe('action bundle', () => {
  it('is built from the current schemas', () => {
    const bundle = readFileSync('action/dist/index.js', 'utf8');
    const digest = schemasDigest('schemas/');
    expect(bundle.includes(`"${digest}"`), 'action/dist/index.js is stale: run npm run build:action').toBe(
      true,
    );
  });
});
