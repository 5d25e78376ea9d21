/** The org-pr bench scenario's critical path (bench/pr.ts): the chain a scoped read cannot beat. */
import { describe, expect, it } from 'vitest';
import { scopedCriticalPathMs } from '../../bench/pr.js';

describe('scopedCriticalPathMs', () => {
  it('a project edit: domain list, GetDomain, one list page, Get beside memberships, a member lookup', () => {
    const calls = {
      'datazone.ListDomains': 1,
      'datazone.GetDomain': 1,
      'datazone.ListTagsForResource': 1,
      'datazone.ListProjects': 1,
      'datazone.ListProjectProfiles': 1,
      'datazone.GetProject': 1,
      'datazone.ListProjectMemberships': 1,
      'datazone.GetUserProfile': 2,
    };
    expect(scopedCriticalPathMs(calls, 20)).toBe(5 * 20);
  });

  it('pages of a whole-kind list follow each other; no domain found is one round trip', () => {
    expect(scopedCriticalPathMs({ 'datazone.GetDomain': 1, 'datazone.ListProjects': 20 }, 20)).toBe(22 * 20);
    expect(scopedCriticalPathMs({ 'datazone.ListDomains': 1 }, 20)).toBe(20);
  });
});
