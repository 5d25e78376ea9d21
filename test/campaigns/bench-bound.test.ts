/**
 * The benchmark's lower bound (bench/bound.ts), on hand-made inputs: the rate bound takes the
 * worst (account, operation) at the scaled TPS, and the apply critical path follows the plan's
 * dependencies, adding the async durations a change waits for.
 */
import { describe, expect, it } from 'vitest';
import {
  applyCriticalPathMs,
  operationPathBoundMs,
  planCriticalPathMs,
  rateBoundMs,
} from '../../bench/bound.js';
import { operationTrace } from '../../bench/trace.js';
import { identityKey } from '../../src/model/identity.js';
import type { Change } from '../../src/plan/types.js';

const DURATIONS = {
  domainCreate: 2000,
  domainDelete: 0,
  projectDeploy: 1000,
  projectDelete: 0,
  ramAssociate: 500,
  studioCreate: 0,
  studioUpdate: 0,
  studioDelete: 0,
};

const row = (account: string, operation: string, count: number, mutating = true, throttled = 0) => ({
  account,
  service: 'datazone',
  operation,
  mutating,
  count,
  errors: throttled,
  throttled,
});

function change(kind: Change['address']['kind'], name: string, dependsOn: Change[] = []): Change {
  return {
    address: { kind, name, ...(kind === 'Domain' ? {} : { domain: 'd' }) },
    action: 'create',
    reason: 'missing',
    fields: [],
    dependsOn: dependsOn.map((c) => identityKey(c.address)),
  } as Change;
}

describe('bench lower bound', () => {
  it('rate bound: calls ÷ scaled TPS of the worst account and operation', () => {
    // CreateProject is documented at 3 TPS; ×10 → 30/s; 300 calls → 10 s. An undocumented read is 20 TPS.
    const bound = rateBoundMs(
      [row('1', 'CreateProject', 300), row('2', 'CreateProject', 30), row('1', 'GetProject', 1000, false)],
      10,
    );
    expect(bound).toEqual({ ms: 10_000, by: 'datazone.CreateProject@1' });
  });

  it('plan critical path: one round trip over an empty cloud, pages of the longest list otherwise', () => {
    expect(planCriticalPathMs({ 'datazone.ListDomains': 1 }, 20)).toBe(20);
    expect(planCriticalPathMs({ 'datazone.GetDomain': 1, 'datazone.ListProjects': 20 }, 20)).toBe(23 * 20);
  });

  it('apply critical path: the longest dependency chain with its async waits', () => {
    const domain = change('Domain', 'd');
    const association = change('AccountAssociation', '1', [domain]);
    const changes = [
      domain,
      association,
      change('Project', 'p', [domain, association]),
      change('DomainUnit', 'u', [domain]),
    ];
    const ms = applyCriticalPathMs(changes, 20, DURATIONS, () => true);
    expect(ms).toBe(20 + 2000 + 20 + 500 + 20 + 1000);
  });

  it('rate bound: throttled answers used up no rate, so they do not count', () => {
    expect(rateBoundMs([row('1', 'CreateProject', 330, true, 30)], 10).ms).toBe(10_000);
  });

  it('operation path: prerequisites before the first call, the rate between, the tail after', () => {
    const domain = change('Domain', 'd');
    const association = change('AccountAssociation', '1', [domain]);
    const profile = change('ProjectProfile', 'f', [association]);
    const projects = [1, 2, 3].map((i) => change('Project', `p${i}`, [profile]));
    const changes = [domain, association, profile, ...projects];
    // 31 CreateProject calls at 3 TPS × 10: 30 spacings of 1/30 s = 1000 ms.
    const path = operationPathBoundMs(
      changes,
      [row('1', 'CreateProject', 31)],
      20,
      DURATIONS,
      () => true,
      10,
    );
    // The first project may start when the profile is done: domain (20 + 2000), association (20 + 500), profile (20).
    const start = 20 + 2000 + 20 + 500 + 20;
    expect(path).toEqual({
      ms: start + 20 + 1000 + 1000,
      by: 'datazone.CreateProject@1',
      operation: 'datazone.CreateProject',
      firstCallMs: start + 20,
      spreadMs: 1000,
      tailMs: 1000,
    });
    // It exceeds both the plain rate bound and the critical path: that is what it is for.
    expect(path.ms).toBeGreaterThan(rateBoundMs([row('1', 'CreateProject', 31)], 10).ms);
    expect(path.ms).toBeGreaterThan(applyCriticalPathMs(changes, 20, DURATIONS, () => true));
  });

  it('operation path: the tail is the smallest any change of the kind leaves, dependents included', () => {
    const unit = change('DomainUnit', 'u');
    const child = change('DomainUnit', 'v', [unit]);
    const project = change('Project', 'p', [child]);
    const leaf = change('DomainUnit', 'w');
    // A tool would create the unit without dependents last: no tail. Undeployed projects wait nothing.
    const path = operationPathBoundMs(
      [unit, child, project, leaf],
      [row('1', 'CreateDomainUnit', 3)],
      20,
      DURATIONS,
      () => false,
      10,
    );
    expect(path.tailMs).toBe(0);
    expect(path.firstCallMs).toBe(20);
    // One unit alone: its dependent project (a call's latency) still follows its create.
    const only = operationPathBoundMs(
      [unit, change('Project', 'q', [unit])],
      [row('1', 'CreateDomainUnit', 1)],
      20,
      DURATIONS,
      () => false,
      10,
    );
    expect(only).toMatchObject({ firstCallMs: 20, spreadMs: 0, tailMs: 20, ms: 40 });
  });

  it('operation path: operations other kinds may call, and uncalled ones, set nothing', () => {
    const project = change('Project', 'p');
    expect(
      operationPathBoundMs([project], [row('1', 'GetProject', 500, false)], 20, DURATIONS, () => true, 10),
    ).toMatchObject({ ms: 0, by: '' });
    expect(
      operationPathBoundMs([project], [row('1', 'CreateProject', 5, true, 5)], 20, DURATIONS, () => true, 10)
        .ms,
    ).toBe(0);
  });

  it('operation trace: first and last answer, end and longest gap, from the phase start', () => {
    const trace = operationTrace(
      [
        [1_010, 'datazone.CreateDomain', 200],
        [1_100, 'datazone.CreateProject', 429],
        [1_150, 'datazone.CreateProject', 200],
        [1_400, 'datazone.CreateProject', 200],
        [1_450, 'datazone.GetProject', 200],
      ],
      'datazone.CreateProject',
      1_000,
      2_000,
    );
    expect(trace).toEqual({
      operation: 'datazone.CreateProject',
      calls: 3,
      throttled: 1,
      firstMs: 100,
      lastMs: 400,
      endMs: 1_000,
      longestGapMs: 250,
    });
  });
});
