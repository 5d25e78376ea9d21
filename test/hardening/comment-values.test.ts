/**
 * Issue 19.16: a create in the PR comment cut values at 200 characters, hiding for example a
 * second region's network settings. The Markdown plan now shows every value in full; only the
 * comment's size budget can leave a change out, and then the notice says how many and where the
 * full plan is.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';

const REGIONAL = {
  'us-east-1': {
    VpcId: 'vpc-0aaaaaaaaaaaaaaaa',
    Subnets: 'subnet-0aaaaaaaaaaaaaaaa,subnet-0bbbbbbbbbbbbbbbb',
  },
  'eu-west-1': {
    VpcId: 'vpc-0eeeeeeeeeeeeeeee',
    Subnets: 'subnet-0attacker000000000,subnet-0ffffffffffffffff',
  },
};

function plan(creates: number): Plan {
  return {
    formatVersion: 1,
    summary: { create: creates, update: 0, replace: 0, delete: 0, noop: 0, unmanaged: 0 },
    changes: Array.from({ length: creates }, (_, i) => ({
      address: { kind: 'BlueprintConfiguration' as const, domain: 'corp', name: `Tooling${i}` },
      action: 'create' as const,
      reason: 'missing' as const,
      fields: [
        { path: '/enabledRegions', after: ['eu-west-1', 'us-east-1'] },
        { path: '/regionalParameters', after: REGIONAL },
      ],
      dependsOn: [],
    })),
    refused: [],
    notes: [],
    fingerprint: 'sha256:values',
  };
}

describe('every value that will be applied is visible in the comment', () => {
  it('shows the second region of a long value in full', () => {
    const md = renderPlanMarkdown(plan(1));
    const line = md.split('\n').find((l) => l.startsWith('+ /regionalParameters: '));
    // Canonical JSON: keys sorted at every level.
    expect(line).toBe(
      '+ /regionalParameters: {"eu-west-1":{"Subnets":"subnet-0attacker000000000,subnet-0ffffffffffffffff","VpcId":"vpc-0eeeeeeeeeeeeeeee"},"us-east-1":{"Subnets":"subnet-0aaaaaaaaaaaaaaaa,subnet-0bbbbbbbbbbbbbbbb","VpcId":"vpc-0aaaaaaaaaaaaaaaa"}}',
    );
    expect(md).toContain('subnet-0attacker000000000');
    expect(md).not.toContain('more characters');
  });

  it('over budget, drops whole changes and says how many and where the full plan is', () => {
    const md = renderPlanMarkdown(plan(400), { fullPlanUrl: 'https://example.test/run/1' });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toMatch(
      /\d+ of 400 changes omitted\. See \[the full plan\]\(https:\/\/example\.test\/run\/1\)\.\n$/,
    );
    // What is shown is never cut inside a value.
    expect(md).not.toContain('more characters');
  });
});
