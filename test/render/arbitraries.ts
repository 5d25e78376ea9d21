/** fast-check arbitraries and bulk builders for plans, shared by the budget and property tests. */
import fc from 'fast-check';
import { MANIFEST_KINDS } from '../../src/model/manifest.js';
import type { Action, Change, ChangeReason, Plan, Refusal, RefusalReason } from '../../src/plan/types.js';
import { ACTIONS } from '../../src/plan/types.js';

const REASONS: ChangeReason[] = [
  'missing',
  'drifted',
  'immutable-field',
  'parent-replaced',
  'tombstone',
  'prune',
  'in-sync',
  'not-declared',
  'absent',
  'unread',
];
const REFUSAL_REASONS: RefusalReason[] = [
  'protected',
  'max-deletes',
  'ambiguous',
  'incomplete-observation',
  'unresolved-reference',
  'target-not-ready',
  'domain-not-empty',
];

/** Any text, including astral characters, lone surrogates and controls. */
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());

const address = fc.record(
  {
    kind: fc.constantFrom(...MANIFEST_KINDS),
    domain: text,
    name: text,
    account: text,
    region: text,
  },
  { requiredKeys: ['kind', 'name'] },
);

const field = fc.record(
  { path: text, before: fc.anything(), after: fc.oneof(fc.anything(), fc.constant('(known after apply)')) },
  { requiredKeys: ['path'] },
);

const change: fc.Arbitrary<Change> = fc.record(
  {
    address,
    action: fc.constantFrom(...ACTIONS),
    reason: fc.constantFrom(...REASONS),
    fields: fc.array(field, { maxLength: 8 }),
    id: text,
    forcedBy: fc.array(text, { maxLength: 3 }),
    dependsOn: fc.array(text, { maxLength: 3 }),
  },
  { requiredKeys: ['address', 'action', 'reason', 'fields', 'dependsOn'] },
);

const refusal: fc.Arbitrary<Refusal> = fc.record({
  address,
  reason: fc.constantFrom(...REFUSAL_REASONS),
  detail: text,
});

/** Summary counts computed from the changes, as the planner does. */
export function summarize(changes: readonly Change[]): Plan['summary'] {
  const summary = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const c of changes) summary[c.action] += 1;
  return summary;
}

/** Random plans of modest size. */
export const arbitraryPlan: fc.Arbitrary<Plan> = fc
  .record({
    changes: fc.array(change, { maxLength: 40 }),
    refused: fc.array(refusal, { maxLength: 6 }),
    notes: fc.array(text, { maxLength: 4 }),
    fingerprint: text,
  })
  .map((p) => ({ formatVersion: 1 as const, summary: summarize(p.changes), ...p }));

/** A plan of `count` updates, each with a description of `description(i)`. */
export function bulkPlan(count: number, description: (i: number) => string, fieldsPerChange = 1): Plan {
  const changes: Change[] = Array.from({ length: count }, (_, i) => ({
    address: { kind: 'Project', domain: 'corp-data', name: `project-${String(i).padStart(5, '0')}` },
    action: i % 5 === 4 ? 'create' : 'update',
    reason: i % 5 === 4 ? 'missing' : 'drifted',
    id: `prj-${i}`,
    fields: Array.from({ length: fieldsPerChange }, (_, f) => ({
      path: `/description${f}`,
      before: 'old',
      after: description(i),
    })),
    dependsOn: [],
  }));
  return {
    formatVersion: 1,
    summary: summarize(changes),
    changes,
    refused: [],
    notes: [],
    fingerprint: 'sha256:bulk',
  };
}
