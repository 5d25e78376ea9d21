/**
 * Planner properties (fast-check) over the example organisation with random live states: the
 * change list is a valid execution order (every dependency comes first), deletes come after
 * everything else in reverse kind order, every identity appears once, the summary counts the
 * changes, and the same inputs give the same plan.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/validate/load-manifests.js';
import type { LiveResource, Observation } from '../../src/live/types.js';
import { identityKey } from '../../src/model/identity.js';
import { buildPlan, resolveDesired } from '../../src/plan/planner.js';
import { kindRank } from '../../src/plan/kinds.js';
import { ACTIONS } from '../../src/plan/types.js';

const loaded = await loadManifests(['manifests-example'], process.cwd());
const digest = (t: string) => createHash('sha256').update(t).digest('hex');
const caller = {
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/ci',
  principalArn: 'arn:aws:iam::111122223333:user/ci',
};
const base = resolveDesired(loaded.documents, { resources: [], complete: true, failures: [], caller });
const candidates = base.desired.filter((d) => d.normal);

/** A live state: each declared resource is missing, equal, or drifted; plus undeclared extras. */
const liveState = fc.record({
  states: fc.array(fc.constantFrom('missing', 'equal', 'drifted'), {
    minLength: candidates.length,
    maxLength: candidates.length,
  }),
  extras: fc.array(
    fc.record({
      kind: fc.constantFrom('AccountPool', 'ProjectProfile', 'Project', 'DomainUnit'),
      name: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    }),
    { maxLength: 8 },
  ),
  complete: fc.boolean(),
});

function observation(state: {
  states: string[];
  extras: { kind: string; name: string }[];
  complete: boolean;
}): Observation {
  const resources: LiveResource[] = [];
  candidates.forEach((d, i) => {
    const s = state.states[i];
    if (s === 'missing') return;
    const normal = s === 'equal' ? d.normal! : { ...d.normal!, description: 'changed out of band' };
    resources.push({
      address: d.address,
      key: d.key,
      id: `id-${i}`,
      normal,
      // Studio domains the tool made carry its ownership tag (else the plan adopts them).
      meta: d.address.kind === 'StudioDomain' ? { managed: 'true' } : {},
      fingerprint: { key: d.key, id: `id-${i}`, hash: 'h' },
    });
  });
  for (const [i, e] of state.extras.entries()) {
    const address = { kind: e.kind as 'AccountPool', domain: 'corp-data', name: `extra-${e.name}` };
    const key = identityKey(address);
    resources.push({
      address,
      key,
      id: `x-${i}`,
      normal: { resolutionStrategy: 'MANUAL' },
      meta: {},
      fingerprint: { key, id: `x-${i}`, hash: 'h' },
    });
  }
  return { resources, complete: state.complete, failures: [], caller };
}

describe('planner properties', () => {
  it('orders changes so every dependency comes first, and deletes last in reverse kind order', () => {
    fc.assert(
      fc.property(liveState, (state) => {
        const plan = buildPlan({
          documents: loaded.documents,
          observation: observation(state),
          deferred: [],
          digest,
        });
        const position = new Map(plan.changes.map((c, i) => [identityKey(c.address), i]));
        for (const [i, c] of plan.changes.entries()) {
          for (const dep of c.dependsOn) {
            expect(position.get(dep), `${identityKey(c.address)} depends on ${dep}`).toBeLessThan(i);
          }
        }
        const deletes = plan.changes.filter((c) => c.action === 'delete');
        const firstDelete = plan.changes.findIndex((c) => c.action === 'delete');
        if (firstDelete >= 0)
          expect(plan.changes.slice(firstDelete).every((c) => c.action === 'delete')).toBe(true);
        const ranks = deletes.map((c) => kindRank(c.address.kind));
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
        if (!state.complete) expect(deletes.filter((c) => c.reason === 'prune')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('lists each identity once, counts every change, and is deterministic', () => {
    fc.assert(
      fc.property(liveState, (state) => {
        const input = { documents: loaded.documents, observation: observation(state), deferred: [], digest };
        const plan = buildPlan(input);
        const keys = plan.changes.map((c) => `${identityKey(c.address)}#${c.id ?? ''}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const action of ACTIONS)
          expect(plan.summary[action]).toBe(plan.changes.filter((c) => c.action === action).length);
        expect(JSON.stringify(buildPlan(input))).toBe(JSON.stringify(plan));
      }),
      { numRuns: 40 },
    );
  });

  it('is all noop when live equals desired', () => {
    const plan = buildPlan({
      documents: loaded.documents,
      observation: observation({ states: candidates.map(() => 'equal'), extras: [], complete: true }),
      deferred: [],
      digest,
    });
    expect(plan.changes.every((c) => c.action === 'noop')).toBe(true);
    expect(plan.refused).toEqual([]);
  });
});

describe('deleting a whole domain', () => {
  it('deletes the domain last, after everything in it', () => {
    const tombstoned = loaded.documents.map((d) =>
      d.manifest.kind === 'Policy'
        ? d
        : { ...d, manifest: { ...d.manifest, lifecycle: { ensure: 'absent' as const } } },
    );
    const everything = observation({ states: candidates.map(() => 'equal'), extras: [], complete: true });
    const plan = buildPlan({ documents: tombstoned, observation: everything, deferred: [], digest });
    const domainDelete = plan.changes.find((c) => c.address.kind === 'Domain')!;
    expect(domainDelete.action).toBe('delete');
    const scoped = plan.changes
      .filter((c) => c.action === 'delete' && c.address.domain === 'corp-data')
      .map((c) => identityKey(c.address));
    expect(scoped.length).toBeGreaterThan(30);
    expect(domainDelete.dependsOn).toEqual([...scoped].sort());
    expect(plan.changes.filter((c) => c.action === 'delete').at(-1)).toBe(domainDelete);
  });
});
