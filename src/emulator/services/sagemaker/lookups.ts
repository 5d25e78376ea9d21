/**
 * Finding a caller's Studio domain. Domains are scoped to an account and a region; a domain of
 * another account, or one whose delete has completed, does not exist for the caller.
 */
import { EmulatorServiceError, type CallContext } from '../../types.js';
import { isGone } from './lifecycle.js';
import { validationError } from './settings.js';
import type { SageMakerState, StudioDomainRecord } from './state.js';

/** The caller's domains in its region that still exist at `now`. */
export function liveDomains(state: SageMakerState, ctx: CallContext, now: number): StudioDomainRecord[] {
  return Object.values(state.domains).filter(
    (d) => d.accountId === ctx.accountId && d.region === ctx.region && !isGone(d, now),
  );
}

/** The caller's domain with this id, or the modelled ResourceNotFound. */
export function findDomain(state: SageMakerState, domainId: string, ctx: CallContext): StudioDomainRecord {
  const now = ctx.now().getTime();
  const domain = state.domains[domainId];
  if (!domain || domain.accountId !== ctx.accountId || domain.region !== ctx.region || isGone(domain, now)) {
    throw new EmulatorServiceError('ResourceNotFound', `Domain ${domainId} not found.`);
  }
  return domain;
}

/**
 * The caller's domain with this ARN, for the tag operations. They model no errors, so a missing
 * resource is the unmodelled ValidationException (400), as the real service answers it.
 */
export function findTaggable(
  state: SageMakerState,
  resourceArn: string,
  ctx: CallContext,
): StudioDomainRecord {
  const now = ctx.now().getTime();
  const domain = liveDomains(state, ctx, now).find((d) => d.ids.DomainArn === resourceArn);
  if (!domain) throw validationError(`Resource ${resourceArn} does not exist.`);
  return domain;
}
