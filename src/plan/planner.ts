/**
 * The planner: desired resources and a live observation in, the plan out. Pure: hashing is passed
 * in, nothing is read or written. Each identity gets one change with its action and reason; the
 * ownership rules of DESIGN §4 then refuse what must not happen (protected deletes, too many
 * deletes, ambiguous identities, deletes after an incomplete observation, references that do not
 * exist live), and the target checks refuse new projects whose account is not ready for them.
 */
import { diffValues } from '../diff/diff.js';
import { identityKey } from '../model/identity.js';
import type { ManifestOf } from '../model/manifest.js';
import type { NormalProject, NormalProjectProfile } from '../model/normalized.js';
import type { LiveResource, Observation } from '../live/types.js';
import type { DeferredReference } from '../validate/semantic/index.js';
import type { ValidDocument } from '../validate/schema-validator.js';
import { templateNotes, withoutCallerOwnership } from './issue15.js';
import { desiredResources, type DesiredResource, type ProfileLookup } from './desired.js';
import { normalizeDesired } from './normalize-desired.js';
import { linkDependencies } from './dependencies.js';
import { repinRules } from './form-type-use.js';
import { DIFF_RULES, isImmutablePath, kindRank, REVISION_PATHS } from './kinds.js';
import { applySafetyRules } from './safety.js';
import { crossCheckTargets } from './cross-checks.js';
import type { BaseProtection } from './base-protection.js';
import { judgeHealth } from './health-change.js';
import {
  markAdoptions,
  studioPolicy,
  studioPruned,
  studioRefusals,
  withCallerAccount,
} from './studio-ownership.js';
import { profilePolicy, profileRefusals, withProfileRegions } from './studio-profiles.js';
import { ACTIONS, KNOWN_AFTER_APPLY, type Change, type Plan, type PlanSummary } from './types.js';
import { staticPreflight, type PreflightInput } from './preflight.js';
import { glossaryRefusals } from './glossary-terms.js';
import { fingerprintOf, sortRefusals } from './findings.js';
import { planIndex } from './plan-index.js';

/** Everything the planner needs. */
export interface PlanInput {
  documents: readonly ValidDocument[];
  observation: Observation;
  deferred: readonly DeferredReference[];
  /** Hex sha256 (or any stable digest) of a text: the plan fingerprint. */
  digest: (text: string) => string;
  /** Protection in force at the reviewed base (`--protect-base`): refused like the change's own. */
  base?: BaseProtection;
  /**
   * A change-scoped plan (`--changed-since`): only these identity keys are planned; the other
   * documents are context (a declared profile a project is normalised against) and nothing else
   * live is listed as unmanaged or pruned.
   */
  only?: ReadonlySet<string>;
}

function liveProfileLookup(live: readonly LiveResource[]) {
  const byKey = new Map(
    live.filter((r) => r.address.kind === 'ProjectProfile').map((r) => [r.key, r.normal]),
  );
  return (domain: string, name: string) =>
    byKey.get(identityKey({ kind: 'ProjectProfile', domain, name })) as NormalProjectProfile | undefined;
}

/** The tool's own membership, which DataZone adds on create, is not drift unless declared. */
function withoutCallerMembership(
  live: LiveResource,
  desired: DesiredResource | undefined,
  callerArn: string,
): object | undefined {
  if ((live.address.kind === 'DomainUnit' || live.address.kind === 'Domain') && live.normal)
    return withoutCallerOwnership(live, desired, callerArn);
  if (live.address.kind !== 'Project' || !live.normal) return live.normal;
  const project = live.normal as NormalProject;
  const caller = `user:${callerArn}`;
  const members = project.members ?? [];
  // Kept as read (no copy) when there is nothing to drop: the caller is not listed, or its
  // manifest declares the caller too. Ten thousand projects pass here on every plan.
  const lists = (list: NormalProject['members']) => (list ?? []).some((m) => m.member === caller);
  if (
    members.length > 0 &&
    (!lists(members) || lists((desired?.normal as NormalProject | undefined)?.members))
  )
    return project;
  const kept = members.filter((m) => m.member !== caller);
  return { ...project, members: kept.length > 0 ? kept : undefined };
}

function createFields(normal: object | undefined) {
  return [{ path: '/id', after: KNOWN_AFTER_APPLY }, ...diffValues(normal ?? {}, {})];
}

/** Sorts changes into plan order: creates and updates by kind, then deletes in reverse kind order. */
function sortChanges(changes: Change[]): void {
  // Phase, rank and key are worked out once per change and sorted alongside it, not looked up
  // per comparison (a large plan compares its changes a couple of hundred thousand times).
  const keyed = changes.map((change) => {
    const phase = change.action === 'delete' ? 1 : 0;
    const rank = phase === 1 ? -kindRank(change.address.kind) : kindRank(change.address.kind);
    return { change, phase, rank, key: identityKey(change.address), id: change.id ?? '' };
  });
  keyed.sort((x, y) => {
    if (x.phase !== y.phase) return x.phase - y.phase;
    if (x.rank !== y.rank) return x.rank - y.rank;
    // Deletes of one kind run children first (HR/Benefits before HR): reverse key order.
    const order = x.key < y.key ? -1 : x.key > y.key ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    return x.phase === 1 ? -order : order;
  });
  for (let i = 0; i < keyed.length; i++) changes[i] = keyed[i]!.change;
}

/**
 * One change record, keys in the plan's order (address, dependsOn, id, action, reason, fields):
 * written as one literal per form rather than spread from a base, since every resource of a
 * plan (ten thousand no-ops, most of them) gets one.
 */
function changeOf(
  address: Change['address'],
  live: LiveResource | undefined,
  action: Change['action'],
  reason: Change['reason'],
  fields: Change['fields'],
): Change {
  return live
    ? { address, dependsOn: [], id: live.id, action, reason, fields }
    : { address, dependsOn: [], action, reason, fields };
}

function decide(
  desired: DesiredResource | undefined,
  live: LiveResource | undefined,
  liveNormal: object | undefined,
  pruned: boolean,
): Change | undefined {
  const address = desired?.address ?? live!.address;
  if (desired && !desired.absent) {
    if (!live) return changeOf(address, live, 'create', 'missing', createFields(desired.normal));
    const fields = diffValues(desired.normal, liveNormal, DIFF_RULES[address.kind]);
    if (fields.length === 0) return changeOf(address, live, 'noop', 'in-sync', fields);
    const forcedBy = fields.map((f) => f.path).filter((p) => isImmutablePath(address.kind, p));
    if (forcedBy.length > 0)
      return { ...changeOf(address, live, 'replace', 'immutable-field', fields), forcedBy };
    const revision = fields.some((f) => REVISION_PATHS[address.kind]?.includes(f.path));
    return changeOf(address, live, 'update', revision ? 'new-revision' : 'drifted', fields);
  }
  if (desired?.absent) {
    return live
      ? changeOf(address, live, 'delete', 'tombstone', diffValues({}, liveNormal ?? {}))
      : changeOf(address, live, 'noop', 'absent', []);
  }
  if (!live) return undefined;
  return pruned
    ? changeOf(address, live, 'delete', 'prune', diffValues({}, liveNormal ?? {}))
    : changeOf(address, live, 'unmanaged', 'not-declared', []);
}

/** The desired resources of a plan and the account each domain lives in (shared by planning and applying). */
export interface ResolvedDesired {
  desired: DesiredResource[];
  domainAccount(domain: string): string;
  domainDocs: ReadonlyMap<string, ManifestOf<'Domain'>>;
  /** A profile as it will be: declared (present) first, else live. */
  profile: ProfileLookup;
}

/** Resolves the desired side against what was observed (default accounts, undeclared profiles). */
export function resolveDesired(
  documents: readonly ValidDocument[],
  observation: Observation,
): ResolvedDesired {
  const domainDocs = new Map(
    documents.flatMap((d) =>
      d.manifest.kind === 'Domain' ? [[d.manifest.metadata.name, d.manifest] as const] : [],
    ),
  );
  const liveDomains = new Map(
    observation.resources.filter((r) => r.address.kind === 'Domain').map((r) => [r.address.name, r]),
  );
  const domainAccount = (domain: string) =>
    domainDocs.get(domain)?.spec.account ??
    liveDomains.get(domain)?.meta.accountId ??
    observation.caller.account;
  const liveProfile = liveProfileLookup(observation.resources);
  // Projects are normalised against their profile: the declared one, else the live one.
  const desiredProfiles = new Map<string, NormalProjectProfile>();
  for (const { manifest } of documents) {
    if (manifest.kind === 'ProjectProfile' && manifest.lifecycle?.ensure !== 'absent') {
      desiredProfiles.set(
        `${manifest.metadata.domain}/${manifest.metadata.name}`,
        normalizeDesired(manifest) as NormalProjectProfile,
      );
    }
  }
  const profile: ProfileLookup = (domain, name) =>
    desiredProfiles.get(`${domain}/${name}`) ?? liveProfile(domain, name);
  const desired = withProfileRegions(
    withCallerAccount(
      desiredResources(documents, { defaultAccount: domainAccount, profile }),
      observation.caller.account,
    ),
    documents,
  );
  return { desired, domainAccount, domainDocs, profile };
}

/** Builds the plan. */
export function buildPlan(input: PlanInput): Plan {
  return buildPlanDetailed(input).plan;
}

/** The plan, and what preflight needs to judge it further after a second read. */
export function buildPlanDetailed(input: PlanInput): { plan: Plan; preflight: PreflightInput } {
  const { documents, observation } = input;
  const { desired: resolved, domainAccount, domainDocs, profile } = resolveDesired(documents, observation);
  const index = planIndex(resolved, observation.resources);
  const { desired: desiredByKey, live: liveByKey } = index;

  const studio = studioPolicy(documents);
  const profiles = profilePolicy(documents);
  const changes: Change[] = [];
  const ambiguous: Change[] = [];
  // The live value an active change of an undeclared or tombstoned resource is linked by (a
  // declared one is linked by its desired value: dependencies need no map of every resource).
  const liveNormals = new Map<string, object | undefined>();
  const settleNotes: string[] = [];
  const visit = (key: string) => {
    if (input.only && !input.only.has(key)) return;
    const d = desiredByKey.get(key);
    const lives = liveByKey.get(key);
    if (lives && lives.length > 1) {
      for (const live of lives)
        ambiguous.push({
          address: live.address,
          id: live.id,
          action: 'noop',
          reason: 'in-sync',
          fields: [],
          dependsOn: [],
        });
      return;
    }
    const live = lives?.[0];
    if (live?.meta.readFailed) {
      // Its value is unknown: diffing against nothing would plan a spurious update or delete.
      changes.push({
        address: live.address,
        id: live.id,
        action: 'noop',
        reason: 'unread',
        fields: [],
        dependsOn: [],
      });
      return;
    }
    const domain = (d?.address ?? live?.address)?.domain ?? '';
    const kind = (d?.address ?? live!.address).kind;
    const pruned =
      kind === 'StudioDomain'
        ? !!live && studioPruned(studio, live.address, observation.caller.account)
        : kind === 'StudioUserProfile'
          ? !!live && profiles.prune
          : (domainDocs.get(domain)?.spec.reconcile?.prune?.includes(kind) ?? false);
    const liveNormal = live ? withoutCallerMembership(live, d, observation.caller.principalArn) : undefined;
    const change = decide(d, live, liveNormal, pruned);
    if (!change) return;
    if (live && d && !d.absent) {
      const notes = judgeHealth(change, live);
      if (notes.length > 0) settleNotes.push(...notes);
    }
    if (d?.normal === undefined) liveNormals.set(key, liveNormal);
    changes.push(change);
  };
  // Declared keys first, then live ones not declared: the order of the keys' union.
  for (const key of desiredByKey.keys()) visit(key);
  for (const key of liveByKey.keys()) if (!desiredByKey.has(key)) visit(key);
  repinRules(changes, observation.resources);
  const declaredAdopt = new Set(
    resolved.filter((d) => d.manifest.lifecycle?.adopt === true).map((d) => d.key),
  );
  const adoptions = markAdoptions(changes, liveByKey, declaredAdopt);
  const refused = applySafetyRules({
    changes,
    ambiguous,
    desired: resolved,
    domainDocs,
    observation,
    ...(input.base ? { base: input.base } : {}),
    // The domain's own account needs no association: it is known here (the caller's, when undeclared).
    deferred: input.deferred.filter(
      (r) =>
        !(r.kind === 'AccountAssociation' && r.name === domainAccount(r.domain)) &&
        // A configuration declared without `account` is the domain account's, known only here.
        !(r.kind === 'BlueprintConfiguration' && desiredByKey.has(identityKey({ ...r, kind: r.kind }))),
    ),
  });
  refused.push(...studioRefusals(changes, studio));
  refused.push(...profileRefusals(changes, profiles));
  const targets = crossCheckTargets({ changes, desired: resolved, observation, domainAccount, index });
  refused.push(...targets.refused);
  const preflight: PreflightInput = {
    changes,
    desired: resolved,
    observation,
    profile,
    domainAccount,
    index,
  };
  refused.push(...staticPreflight(preflight));
  refused.push(...glossaryRefusals(changes, resolved, observation));
  sortRefusals(refused);
  changes.push(...ambiguous);
  sortChanges(changes);
  linkDependencies(
    changes,
    (key) => desiredByKey.get(key)?.normal ?? liveNormals.get(key),
    new Map([...domainDocs.keys()].map((n) => [n, domainAccount(n)])),
    profile,
  );
  // Counted in one pass, in the summary's key order.
  const summary = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as PlanSummary;
  // The write-only blind spot is worth saying when the configuration is put, not on every in-sync run.
  const putKeys = new Set<string>();
  for (const c of changes) {
    summary[c.action]++;
    if (c.action === 'create' || c.action === 'update' || c.action === 'replace')
      putKeys.add(identityKey(c.address));
  }
  const notes = resolved
    .filter(
      (d) =>
        d.manifest.kind === 'BlueprintConfiguration' &&
        putKeys.has(d.key) &&
        d.manifest.spec.globalParameters &&
        Object.keys(d.manifest.spec.globalParameters).length > 0,
    )
    .map(
      (d) =>
        `BlueprintConfiguration/${d.address.name}@${d.address.account ?? '?'}: globalParameters are write-only in the API; they are sent with this put, but drift in them cannot be seen.`,
    )
    .concat(settleNotes)
    .concat(templateNotes(resolved, putKeys))
    .sort()
    .concat(targets.notes, adoptions);
  const fingerprint = fingerprintOf({ summary, changes, refused }, input.digest);
  return { plan: { formatVersion: 1, summary, changes, refused, notes, fingerprint }, preflight };
}
