/**
 * The model-based campaign, small: a few fast-check sequences of edits, plans, saved-plan
 * applies, applies, out-of-band changes, wire and project faults and interrupted applies, through
 * the CLI; every invariant holds after every command (every "No changes" confirmed by the oracle,
 * every failed apply explained by an injected cause) and each sequence converges once the faults
 * stop. The situations issue 13 is about must actually occur, or the zeros would mean nothing.
 * (`npm run test:reliability` runs 200 sequences of 30 commands.)
 */
import { describe, expect, it } from 'vitest';
import { formatCounts } from './lib/counts.js';
import { runModelCampaign } from './lib/model.js';
import { TOUR } from './lib/model-commands.js';
import { expectClean } from './lib/expect-clean.js';

/** Random sequences, after the hand-written tour (one more run). */
const RUNS = 4;

/** Situations the small campaign must meet at least once (the tour walks each; the rest is seeded). */
const MUST_OCCUR = [
  'created.fixedProject',
  'created.regionalProject',
  'regionChange.added',
  'regionChange.removed',
  'regionChange.withProjectInOneApply',
  'regionChange.restoredWithProjectInOneApply',
  'poolRegionChange.added',
  'poolRegionChange.withProjectInOneApply',
  'injected.deploymentFailed',
  'recovered.deploymentRedeployed',
  'injected.updateFailed',
  'injected.deleteFailed',
  'created.onProfileDisabledLive',
  'studio.created.otherAccount',
  'studio.updated.otherAccount',
  'studio.deleted.otherAccount',
  'noChanges.checkedByOracle',
  'oracle.sensitive',
];

describe('model-based campaign (small)', () => {
  it('keeps every invariant and converges', { timeout: 180_000 }, async () => {
    const counts = await runModelCampaign(RUNS, 16, undefined, [TOUR]);
    process.stdout.write(formatCounts('model (small)', counts));
    expectClean(counts, RUNS + 1);
    const missing = MUST_OCCUR.filter((what) => !(counts.exercised[what] ?? 0));
    expect(missing).toEqual([]);
  });
});
