/**
 * The plan: a standalone, serialisable value (DESIGN §5). Every resource the plan looked at has
 * one change with an action and the reason it was chosen; refusals list what a safety rule
 * stopped. Apply builds its work from this value alone, so it cannot touch what the plan does
 * not name.
 */
import type { FieldChange } from '../diff/diff.js';
import type { Address } from '../model/identity.js';
import type { LiveFingerprint } from '../live/types.js';

/** Shown for values that exist only once the resource is created (ids of new resources). */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** What the plan does to one resource. `unmanaged` is reported only, never acted on. */
export type Action = 'create' | 'update' | 'replace' | 'delete' | 'noop' | 'unmanaged';

/** The actions, in the order the summary lists them. */
export const ACTIONS: readonly Action[] = ['create', 'update', 'replace', 'delete', 'noop', 'unmanaged'];

/** Why an action was chosen. */
export type ChangeReason =
  | 'missing' // declared, not live: create
  | 'drifted' // declared and live, fields differ: update
  | 'adopt' // declared, live but not created or adopted by the tool (Studio domains): update that takes it over
  | 'immutable-field' // an immutable field differs: replace
  | 'parent-replaced' // its parent is replaced, so it is recreated with it
  | 'tombstone' // lifecycle.ensure: absent
  | 'prune' // undeclared, and the domain prunes its kind
  | 'deployment-failed' // its deployment, update, creation or deletion failed: redeploy, re-update or recreate
  | 'in-sync' // nothing to do
  | 'not-declared' // undeclared, kind not pruned: unmanaged
  | 'absent' // tombstoned and already gone: noop
  | 'unread' // live, but its Get failed: left alone (the observation is incomplete)
  | 'form-revised' // a MetadataRule in sync, but a form type it requires gets a new revision: re-pinned
  | 'new-revision'; // a versioned resource (FormType) whose model or description changed: apply records a new revision

/** Why a change was refused (DESIGN §4). */
export type RefusalReason =
  | 'protected' // would delete or replace a protected resource
  | 'max-deletes' // more deletes than reconcile.maxDeletes
  | 'ambiguous' // two live resources share the identity
  | 'incomplete-observation' // a list failed: no delete is planned
  | 'unresolved-reference' // a deferred reference does not exist live
  | 'domain-not-empty' // a Domain replace would delete everything it holds
  | 'target-not-ready' // a project's target account is not associated, or lacks a blueprint there
  | 'profile-disabled' // a new or redeployed project's profile is (or is being set to) DISABLED
  | 'profile-required' // a new project without a profile: a V2 domain creates none
  | 'locked-override' // a project overrides what its profile marks not editable
  | 'unreachable-account' // a blueprint configuration's account has no role the tool can assume
  | 'principal-not-found' // a member to add is not a user or group the domain knows
  | 'in-use'; // a delete of something live resources still use

/** One resource in the plan. */
export interface Change {
  address: Address;
  action: Action;
  reason: ChangeReason;
  /** Changed fields (update, replace), the whole desired value as additions (create), or removals (delete). */
  fields: FieldChange[];
  /** Live id, when the resource exists. */
  id?: string;
  /** Paths of immutable fields that forced a replace. */
  forcedBy?: string[];
  /** Keys (`identityKey`) of the changes this one must wait for. */
  dependsOn: string[];
}

/** A change the plan refuses to make, with why. */
export interface Refusal {
  address: Address;
  reason: RefusalReason;
  detail: string;
  /** Where in the manifests the cause is written (`file:line:col`), when a manifest says it. */
  location?: string;
}

/** Counts per action. */
export type PlanSummary = Record<Action, number>;

/** Fingerprint of one live resource the plan read (defined by the live stage that makes it). */
export type { LiveFingerprint } from '../live/types.js';

/** The canonical plan (DESIGN §5, formatVersion 1). */
export interface Plan {
  formatVersion: 1;
  summary: PlanSummary;
  changes: Change[];
  refused: Refusal[];
  /** Warnings and notes to show with the plan (policy warnings, blind spots such as write-only fields). */
  notes: string[];
  /** sha256 of the plan's canonical content (changes, refusals). */
  fingerprint: string;
  /**
   * Set when the plan did not look at everything the manifests could affect (`--domain`): what it
   * left out, said in the header of every rendering, so a partial "No changes" never reads as whole.
   */
  scope?: string;
  /**
   * A change-scoped plan (`--changed-since`): the ref as given and the commit it named, so that
   * `apply --plan` re-derives the plan against that very commit, with the same scope.
   */
  changedSince?: { ref: string; commit: string };
}

/** A saved plan: the plan plus what apply needs to detect staleness. */
export interface SavedPlan extends Plan {
  toolVersion: string;
  manifestsDigest: string;
  live: LiveFingerprint[];
}
