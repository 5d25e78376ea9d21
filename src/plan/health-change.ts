/**
 * Turns a declared resource's live health (health.ts) into its change: a failed deployment,
 * update, creation or deletion is a change with its own reason (`deployment-failed`) and a
 * `/status` field showing the failed status and why, so the plan never says "No changes" over it.
 * How it is recovered follows the API: a failed project deployment is redeployed and a failed
 * update re-sent in place (UpdateProject / UpdateDomain); what cannot be repaired in place is
 * replaced, which the safety rules and `--allow-replace` then govern like any replace.
 */
import type { LiveResource } from '../live/types.js';
import { formatAddress } from '../model/identity.js';
import { liveHealth } from './health.js';
import type { Change } from './types.js';

/** What a recovered resource's status reads afterwards. */
const RECOVERED: Record<'redeploy' | 'update' | 'replace', string> = {
  redeploy: 'SUCCESSFUL (redeployed)',
  update: 'ACTIVE (update sent again)',
  replace: 'recreated',
};

/**
 * Adjusts `change` (in place) for the live resource's health; returns notes for resources still
 * settling (a deployment in progress is not yet known to succeed, and the reviewer is told).
 */
export function judgeHealth(change: Change, live: LiveResource): string[] {
  const health = liveHealth(live);
  if (health.state === 'healthy') return [];
  if (health.state === 'settling') {
    // A domain still CREATING (an apply was stopped while it waited) is not as declared: the plan
    // says so as a change, and apply's domain update waits for AVAILABLE before anything is
    // written into it, instead of its contents failing on "CREATING, not AVAILABLE".
    if (change.address.kind === 'Domain' && health.status === 'CREATING' && change.action === 'noop') {
      change.action = 'update';
      change.reason = 'drifted';
      change.fields = [{ path: '/status', before: 'CREATING', after: 'AVAILABLE' }, ...change.fields];
    } else if (
      change.address.kind === 'Domain' &&
      health.status === 'CREATING' &&
      change.action === 'update'
    ) {
      change.fields = [{ path: '/status', before: 'CREATING', after: 'AVAILABLE' }, ...change.fields];
    }
    return [
      `${formatAddress(change.address)} is ${health.status}: its last change has not settled yet, so the plan cannot tell whether it succeeded; plan again once it has`,
    ];
  }
  if (change.action === 'delete') return [];
  const status = {
    path: '/status',
    before: `${health.status}: ${health.why}`,
    after: RECOVERED[health.recovery],
  };
  change.fields = [status, ...change.fields];
  change.reason = 'deployment-failed';
  if (health.recovery === 'replace' || change.action === 'replace') {
    change.action = 'replace';
    change.forcedBy = ['/status', ...(change.forcedBy ?? [])];
  } else {
    change.action = 'update';
  }
  return [];
}
