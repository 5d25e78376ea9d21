/** The org-pr bench scenario's critical path (bench/pr-bound.ts): the chain a scoped read cannot beat. */
import { describe, expect, it } from 'vitest';
import { emulatorLatency, meanLatencyMs } from '../../bench/latency.js';
import { floorCriticalPathMs, scopedCriticalPathMs } from '../../bench/pr-bound.js';
import { offWireMs } from '../../bench/trace.js';

const edit = {
  'datazone.ListDomains': 1,
  'datazone.GetDomain': 1,
  'datazone.ListTagsForResource': 1,
  'datazone.ListDomainUnitsForParent': 1,
  'datazone.ListProjects': 1,
  'datazone.ListProjectProfiles': 1,
  'datazone.GetProject': 1,
  'datazone.ListProjectMemberships': 1,
  'datazone.GetUserProfile': 2,
};

describe('scopedCriticalPathMs', () => {
  it('a project edit: domain list, then its name lookup, Get beside memberships, a member lookup', () => {
    // GetDomain and the unit walk run beside the project's chain, which is longer.
    expect(scopedCriticalPathMs(edit, 20)).toBe(4 * 20);
  });

  it('without member lookups the chain is as long as the unit walk after GetDomain', () => {
    const { 'datazone.GetUserProfile': _, ...noMembers } = edit;
    expect(scopedCriticalPathMs(noMembers, 20)).toBe(3 * 20);
  });

  it('pages of a whole-kind list follow each other; no domain found is one round trip', () => {
    expect(scopedCriticalPathMs({ 'datazone.GetDomain': 1, 'datazone.ListProjects': 20 }, 20)).toBe(21 * 20);
    expect(scopedCriticalPathMs({ 'datazone.ListDomains': 1 }, 20)).toBe(20);
  });

  it('lists by several names run side by side: the longest has at least the average of their pages', () => {
    const calls = { 'datazone.GetDomain': 1, 'datazone.ListProjects': 3 };
    expect(scopedCriticalPathMs(calls, 20, { projects: 3, profiles: 1 })).toBe(2 * 20);
    expect(scopedCriticalPathMs(calls, 20, { projects: 2, profiles: 1 })).toBe(3 * 20);
  });

  it('the dependents read comes after the first read, its Gets side by side', () => {
    const second = { 'datazone.GetProject': 1000 };
    expect(scopedCriticalPathMs(edit, 20, undefined, second)).toBe(5 * 20);
    expect(scopedCriticalPathMs({ 'datazone.ListDomains': 1 }, 20, undefined, second)).toBe(2 * 20);
  });

  it('the floor chain charges the least latency of the uniform 20 ± 5 ms: 15 ms a call', () => {
    expect(floorCriticalPathMs(edit, { fixedMs: 20, jitterMs: 5 })).toBe(4 * 15);
  });

  it('the rate gap: same-operation calls of one step are spaced at their documented TPS × scale', () => {
    // GetUserProfile is an undocumented read: 20 TPS × 10 = 200/s, so 2 calls are ≥ 5 ms apart.
    expect(scopedCriticalPathMs(edit, 20, undefined, {}, 10)).toBe(4 * 20 + 5);
    // At the real quotas (scale 1) the gap is 50 ms.
    expect(scopedCriticalPathMs(edit, 20, undefined, {}, 1)).toBe(4 * 20 + 50);
    // 41 profile names listed side by side, one page each: one latency plus 40 gaps of
    // ListProjectProfiles (an undocumented read: 200/s at scale 10), longer than the pages alone.
    const many = { 'datazone.GetDomain': 1, 'datazone.ListProjectProfiles': 41 };
    expect(scopedCriticalPathMs(many, 20, { projects: 1, profiles: 41 }, {}, 10)).toBe(20 + 20 + 200);
    // The dependents' Gets: one latency and their spacing after the first read.
    const second = { 'datazone.GetProject': 201 };
    expect(scopedCriticalPathMs({ 'datazone.ListDomains': 1 }, 20, undefined, second, 10)).toBe(
      20 + 20 + 1000,
    );
  });
});

describe('the last step of a chain', () => {
  it('charges the expected largest of its latest calls: mean + width × (m/(m+1) − 1/2)', () => {
    const both = { ...edit, 'datazone.GetGroupProfile': 2 };
    // Width 0 (no spread): one mean latency, whatever m.
    expect(scopedCriticalPathMs(both, 20, undefined, {}, 10)).toBe(4 * 20 + 5);
    // 20 ± 5: the second user and the second group lookup (both 5 ms after the first) end the
    // read; the larger of two uniform draws over 10 ms averages 10 × 2/3 above the floor.
    expect(scopedCriticalPathMs(both, 20, undefined, {}, 10, 10)).toBeCloseTo(3 * 20 + 5 + 15 + 20 / 3, 9);
    // One latest call (the users' second only): its mean.
    expect(scopedCriticalPathMs(edit, 20, undefined, {}, 10, 10)).toBe(4 * 20 + 5);
    // No member lookups: GetProject and the memberships end the chain, two draws.
    const { 'datazone.GetUserProfile': _, ...noMembers } = edit;
    expect(scopedCriticalPathMs(noMembers, 20, undefined, {}, 10, 10)).toBeCloseTo(2 * 20 + 15 + 20 / 3, 9);
  });
});

describe('latency model', () => {
  it('20 ± 5 ms is the emulator knob 15 + [0, 10): mean 20', () => {
    expect(emulatorLatency({ fixedMs: 20, jitterMs: 5 })).toEqual({ fixedMs: 15, jitterMs: 10 });
    expect(meanLatencyMs({ fixedMs: 20, jitterMs: 5 })).toBe(20);
    // A spread wider than the centre is cut at zero rather than drawing negative latencies.
    expect(emulatorLatency({ fixedMs: 2, jitterMs: 5 })).toEqual({ fixedMs: 0, jitterMs: 4 });
  });
});

describe('offWireMs', () => {
  const call = (sent: number, answered: number) => ({
    operation: 'X',
    start: sent - 1,
    sent,
    answered,
    end: answered + 1,
  });
  it('counts only the time of a read window no request covers', () => {
    // Requests on the wire 2–22 and 10–30 (overlapping), then 31–51: gaps 0–2, 30–31, 51–60.
    const calls = [call(2, 22), call(10, 30), call(31, 51)];
    expect(offWireMs(calls, [[0, 60]])).toBe(12);
    // The time between two windows (the plan being made) is not counted.
    expect(
      offWireMs(
        [...calls, call(105, 125)],
        [
          [0, 60],
          [100, 130],
        ],
      ),
    ).toBe(12 + 10);
  });
});
