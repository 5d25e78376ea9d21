/** The generator makes valid organisations, the same for the same seed. */
import { describe, expect, it } from 'vitest';
import { loadForTest } from './apply.js';
import { generateOrg } from './generate.js';

const SIZE = { units: 2, pools: 3, accountsPerPool: 2, profiles: 2, projects: 4, membersPerProject: 3 };

describe('generateOrg', () => {
  it.each([1, 2, 3, 4, 5])('seed %i validates', async (seed) => {
    const loaded = await loadForTest(generateOrg(seed, SIZE));
    expect(loaded.documents.length).toBe(1 + 2 + 3 + 2 + 4);
  });
  it('is deterministic', () => {
    expect(generateOrg(9, SIZE)).toBe(generateOrg(9, SIZE));
  });
});
