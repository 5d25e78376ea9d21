/**
 * The benchmark's lower bound (bench/bound.ts), on hand-made inputs: the rate bound takes the
 * worst (account, operation) at the scaled TPS, and the apply critical path follows the plan's
 * dependencies, adding the async durations a change waits for.
 */
import { describe, expect, it } from 'vitest';
import { applyCriticalPathMs, planCriticalPathMs, rateBoundMs } from '../../bench/bound.js';
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
    const row = (account: string, operation: string, count: number, mutating = true) => ({
      account,
      service: 'datazone',
      operation,
      mutating,
      count,
      errors: 0,
      throttled: 0,
    });
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
});
