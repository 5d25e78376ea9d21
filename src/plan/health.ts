/**
 * Deployment and lifecycle status as observed state. A live resource whose creation, update,
 * deployment or deletion failed is not "as declared", whatever its fields say: the plan must show
 * it and apply must act on it, or "No changes" would be said over a broken resource. One function
 * per kind (an exhaustive switch, so a new kind cannot forget it) turns the statuses the live read
 * keeps in `meta` into a verdict: healthy, still settling, or failed with why and how to recover.
 */
import { assertNever } from '../model/manifest.js';
import type { LiveResource } from '../live/types.js';

/** How a failed resource is brought back: redeployed in place, or deleted and created again. */
export type Recovery = 'redeploy' | 'update' | 'replace';

/** The verdict on one live resource's status. */
export type Health =
  | { state: 'healthy' }
  | { state: 'settling'; status: string }
  | { state: 'failed'; status: string; why: string; recovery: Recovery };

const HEALTHY: Health = { state: 'healthy' };

/** A project: its own status first (update or delete failures), then its environments' deployment. */
function projectHealth(meta: Readonly<Record<string, string>>): Health {
  const why = meta.failure ?? 'no reason given';
  switch (meta.status) {
    case 'UPDATE_FAILED':
      return { state: 'failed', status: 'UPDATE_FAILED', why, recovery: 'update' };
    case 'DELETE_FAILED':
      return { state: 'failed', status: 'DELETE_FAILED', why, recovery: 'replace' };
    case 'UPDATING':
    case 'MOVING':
    case 'DELETING':
      return { state: 'settling', status: meta.status };
    default:
      break;
  }
  switch (meta.deploymentStatus) {
    case 'FAILED_VALIDATION':
    case 'FAILED_DEPLOYMENT':
      return { state: 'failed', status: meta.deploymentStatus, why, recovery: 'redeploy' };
    case 'PENDING_DEPLOYMENT':
    case 'IN_PROGRESS':
      return { state: 'settling', status: meta.deploymentStatus };
    default:
      return HEALTHY;
  }
}

/** The verdict for one live resource (resources whose read failed are judged elsewhere: `unread`). */
export function liveHealth(resource: LiveResource): Health {
  const { kind } = resource.address;
  const status = resource.meta.status ?? '';
  switch (kind) {
    case 'Project':
      return projectHealth(resource.meta);
    case 'Domain':
      if (status === 'CREATION_FAILED' || status === 'DELETION_FAILED')
        return {
          state: 'failed',
          status,
          why: resource.meta.failure ?? 'no reason given',
          recovery: 'replace',
        };
      return status === 'CREATING' || status === 'DELETING' ? { state: 'settling', status } : HEALTHY;
    // A user profile has the statuses of a domain (UserProfileStatus and DomainStatus are one list).
    case 'StudioDomain':
    case 'StudioUserProfile':
      if (status === 'Failed' || status === 'Delete_Failed')
        return {
          state: 'failed',
          status,
          why: resource.meta.failure ?? 'no reason given',
          recovery: 'replace',
        };
      if (status === 'Update_Failed')
        return {
          state: 'failed',
          status,
          why: resource.meta.failure ?? 'no reason given',
          recovery: 'update',
        };
      return status === 'Pending' || status === 'Updating' || status === 'Deleting'
        ? { state: 'settling', status }
        : HEALTHY;
    // An association's status is part of its value (ASSOCIATING is drift that apply finishes);
    // the other kinds are synchronous and have no failed state.
    case 'AccountAssociation':
    case 'DomainUnit':
    case 'BlueprintConfiguration':
    case 'AccountPool':
    case 'ProjectProfile':
    case 'Glossary':
    case 'FormType':
    case 'MetadataRule':
    case 'GlossaryTerm':
    case 'Policy':
    case 'PolicyGrant':
      return HEALTHY;
    default:
      return assertNever(kind);
  }
}
