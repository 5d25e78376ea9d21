/**
 * Derived Studio domain states: Pending → InService after `studioCreate`, Updating → InService
 * after `studioUpdate`, Deleting → gone after `studioDelete` (durations captured when the phase
 * starts, so a later behaviour change does not rewrite history). Failed states are never produced.
 */
import type { StudioDomainRecord } from './state.js';

/** Modelled DomainStatus values the emulator produces. */
export type StudioDomainStatus = 'Pending' | 'InService' | 'Updating' | 'Deleting';

/** True once a deleted domain's delete duration has passed: it no longer exists. */
export function isGone(domain: StudioDomainRecord, now: number): boolean {
  return domain.deleteDoneAt !== undefined && now >= domain.deleteDoneAt;
}

/** The status at `now` (callers check isGone first). */
export function domainStatus(domain: StudioDomainRecord, now: number): StudioDomainStatus {
  if (domain.deleteStartedAt !== undefined) return 'Deleting';
  if (domain.updateDoneAt !== undefined && now < domain.updateDoneAt) return 'Updating';
  return now < domain.inServiceAt ? 'Pending' : 'InService';
}

/** LastModifiedTime: the latest phase change that has already happened. */
export function lastModified(domain: StudioDomainRecord, now: number): number {
  const instants = [
    domain.createdAt,
    domain.inServiceAt,
    domain.updateStartedAt,
    domain.updateDoneAt,
    domain.deleteStartedAt,
  ].filter((t): t is number => t !== undefined && t <= now);
  return Math.max(...instants);
}
