/**
 * Plan-time preflight: what apply would otherwise discover half-way, found from what a read can
 * reveal, located in the manifests and named by manifest names (never bare DataZone ids).
 *
 * Without further reads (the desired resources and the first observation suffice):
 * - a project created, replaced or redeployed on a profile that is, or is being set to, DISABLED;
 * - a project overriding a parameter or tag that its (live, undeclared) profile marks not editable
 *   (validation already checks declared profiles, with the same rules: model/profile-rules.ts);
 * - a blueprint configuration in an account the tool has no role to reach.
 * With the targeted second read (live/dependents.ts), which `dependentsRequest` asks for:
 * - members to add that are not users or groups the domain knows;
 * - deletes of profiles and pools that live projects or profiles still use, managed or not.
 * Pure: the reads are done by the caller.
 */
import type { DependentsFacts, DependentsRequest } from '../live/dependents.js';
import type { LiveResource, Observation } from '../live/types.js';
import { formatAddress, identityKey } from '../model/identity.js';
import type { NormalProject, NormalProjectProfile } from '../model/normalized.js';
import { disallowedOverrides } from '../model/profile-rules.js';
import { locate } from '../validate/schema-validator.js';
import type { DesiredResource, ProfileLookup } from './desired.js';
import { lastLive, planIndex, type PlanIndex } from './plan-index.js';
import type { Change, Refusal } from './types.js';
import { formTypesInUse } from './form-type-use.js';
import { principalHint } from './principal-hint.js';
import { addedMembers, memberPointer, PRINCIPAL_KINDS } from './principal-members.js';

/** What preflight looks at. */
export interface PreflightInput {
  changes: readonly Change[];
  desired: readonly DesiredResource[];
  observation: Observation;
  profile: ProfileLookup;
  domainAccount: (domain: string) => string;
  /** The plan's identity-key index, when the planner has built it already (else built here). */
  index?: PlanIndex;
}

/** `file:line:col` of a pointer inside the resource's manifest. */
export function locationOf(d: DesiredResource | undefined, pointer: string): string | undefined {
  if (!d?.source) return undefined;
  const at = locate(d.source, pointer, true);
  return `${at.file}:${at.start.line}:${at.start.col}`;
}

function byKey(input: PreflightInput) {
  const index = input.index ?? planIndex(input.desired, input.observation.resources);
  return { desired: index.desired, live: { get: (key: string) => lastLive(index, key) } };
}

/** True when the change makes DataZone deploy the project's environments. */
function deploys(change: Change): boolean {
  return change.action === 'create' || change.action === 'replace' || change.reason === 'deployment-failed';
}

/**
 * A pruned association whose account's blueprint configurations are pruned too: they must go
 * first, but the tool reads them only through a declared role. Without one they would be left
 * behind unseen, so the disassociation is refused with the way out.
 */
function cascadeRefusal(change: Change, desired: ReadonlyMap<string, DesiredResource>): Refusal | undefined {
  if (change.address.kind !== 'AccountAssociation' || change.action !== 'delete') return undefined;
  const domain = change.address.domain ?? '';
  const domainDoc = desired.get(identityKey({ kind: 'Domain', name: domain }))?.manifest;
  const prune = domainDoc?.kind === 'Domain' ? (domainDoc.spec.reconcile?.prune ?? []) : [];
  const own = desired.get(identityKey(change.address))?.manifest;
  const role = own?.kind === 'AccountAssociation' ? own.spec.assumeRoleArn : undefined;
  if (!prune.includes('BlueprintConfiguration') || role) return undefined;
  return {
    address: change.address,
    reason: 'incomplete-observation',
    detail: `the blueprint configurations of account ${change.address.name} cannot be read without its role, so pruning them before the disassociation is impossible: keep the AccountAssociation as a tombstone (lifecycle.ensure: absent) with its assumeRoleArn, so its configurations are deleted first`,
  };
}

/** The checks that need no further read. */
export function staticPreflight(input: PreflightInput): Refusal[] {
  const { desired } = byKey(input);
  const refused: Refusal[] = [];
  for (const change of input.changes) {
    const cascade = cascadeRefusal(change, desired);
    if (cascade) refused.push(cascade);
    // The action first: most changes of a large plan are no-ops, and their key need not be built.
    if (change.action === 'noop' || change.action === 'unmanaged' || change.action === 'delete') continue;
    const d = desired.get(identityKey(change.address));
    if (!d || d.absent) continue;
    const domain = change.address.domain ?? '';
    if (change.address.kind === 'Project') {
      const project = d.normal as NormalProject;
      const profileKey = identityKey({ kind: 'ProjectProfile', domain, name: project.profile });
      const profile = input.profile(domain, project.profile);
      // A project without a profile (made by an older API, exported as such) can be kept, not made anew.
      if ((change.action === 'create' || change.action === 'replace') && !project.profile) {
        refused.push({
          address: change.address,
          reason: 'profile-required',
          detail: `a project without a profile cannot be created in a SageMaker Unified Studio (V2) domain; name one in spec.profile`,
          location: locationOf(d, '/spec'),
        });
      }
      if (deploys(change) && profile?.status === 'DISABLED') {
        const declared = desired.has(profileKey) ? 'is set to DISABLED in its manifest' : 'is DISABLED live';
        refused.push({
          address: change.address,
          reason: 'profile-disabled',
          detail: `project profile "${project.profile}" ${declared}: DataZone creates no project from a disabled profile; enable it first`,
          location: locationOf(d, '/spec/profile'),
        });
      }
      // Declared profiles were checked by validation (SG314/SG315) with the same rules.
      if (profile && !desired.has(profileKey) && d.manifest.kind === 'Project') {
        const spec = d.manifest.spec;
        const indexOf = (name: string) => (spec.environments ?? []).findIndex((e) => e.name === name);
        for (const problem of disallowedOverrides(project.profile, profile, project, indexOf))
          refused.push({
            address: change.address,
            reason: 'locked-override',
            detail: `${problem.message} (live profile)`,
            location: locationOf(d, problem.pointer),
          });
      }
    }
    if (change.address.kind === 'BlueprintConfiguration') {
      const account = change.address.account ?? '';
      if (account === input.domainAccount(domain) || account === input.observation.caller.account) continue;
      const association = desired.get(identityKey({ kind: 'AccountAssociation', domain, name: account }));
      const role =
        association?.manifest.kind === 'AccountAssociation'
          ? association.manifest.spec.assumeRoleArn
          : undefined;
      if (role) continue;
      refused.push({
        address: change.address,
        reason: 'unreachable-account',
        detail: `blueprint configurations of account ${account} are put as that account, but ${association ? `its AccountAssociation declares no assumeRoleArn` : 'no AccountAssociation for it is declared'}: the tool has no role to reach it`,
        location: locationOf(d, '/spec/account'),
      });
    }
  }
  refused.push(...formTypesInUse(input, locationOf));
  return refused;
}

/** The domain a change lives in: a Domain is its own. */
function domainOf(change: Change): string {
  return change.address.kind === 'Domain' ? change.address.name : (change.address.domain ?? '');
}

// IAM principals get a user profile on first reference; only directory names and ids can be missing.
const IAM_MEMBER = /^user:arn:aws[a-z-]*:(iam|sts)::/;

/** What the second read must fetch for this plan; empty when nothing needs it. */
export function dependentsRequest(input: PreflightInput): DependentsRequest {
  const { desired, live } = byKey(input);
  const domains = new Map(
    input.observation.resources
      .filter((r) => r.address.kind === 'Domain')
      .map((r) => [r.address.name, { name: r.address.name, id: r.id, region: r.address.region ?? '' }]),
  );
  const request: DependentsRequest = { principals: [], projects: [], profiles: [] };
  const seen = new Set<string>();
  const deletes = new Set<string>();
  for (const change of input.changes) {
    const domain = domains.get(domainOf(change));
    if (!domain) continue;
    if (change.action === 'delete') deletes.add(`${change.address.kind}/${domain.name}`);
    if (
      !PRINCIPAL_KINDS.includes(change.address.kind) ||
      !['create', 'update', 'replace'].includes(change.action)
    )
      continue;
    const d = desired.get(identityKey(change.address));
    if (!d || d.absent) continue;
    for (const member of addedMembers(change, d, live.get(d.key))) {
      const k = `${domain.name}\n${member}`;
      if (IAM_MEMBER.test(member) || seen.has(k)) continue;
      seen.add(k);
      request.principals.push({ domain, member });
    }
  }
  for (const r of input.observation.resources) {
    const domain = domains.get(r.address.domain ?? '');
    if (!domain) continue;
    // Fully read resources already carry what is needed (profile name, pool names).
    if (r.address.kind === 'Project' && !r.meta.profileId && deletes.has(`ProjectProfile/${domain.name}`))
      request.projects.push({ domain, id: r.id });
    if (r.address.kind === 'ProjectProfile' && !r.normal && deletes.has(`AccountPool/${domain.name}`))
      request.profiles.push({ domain, id: r.id });
  }
  return request;
}

/** The refusals and notes the second read's facts support. */
export function dependentsPreflight(
  input: PreflightInput,
  facts: DependentsFacts,
): { refused: Refusal[]; notes: string[] } {
  const { desired, live } = byKey(input);
  const refused: Refusal[] = [];
  const notes = facts.failures.map((f) => `preflight could not check everything: ${f}`);
  const deleting = new Set(
    input.changes.filter((c) => c.action === 'delete').map((c) => identityKey(c.address)),
  );
  for (const change of input.changes) {
    const d = desired.get(identityKey(change.address));
    const domain = domainOf(change);
    if (
      PRINCIPAL_KINDS.includes(change.address.kind) &&
      d &&
      !d.absent &&
      ['create', 'update', 'replace'].includes(change.action)
    ) {
      for (const member of addedMembers(change, d, live.get(d.key))) {
        if (facts.principals.get(`${domain}\n${member}`) !== 'missing') continue;
        const [type, name] = [member.slice(0, member.indexOf(':')), member.slice(member.indexOf(':') + 1)];
        refused.push({
          address: change.address,
          reason: 'principal-not-found',
          detail: `${type} "${name}" is not a ${type} of domain ${domain}${principalHint(member, domain, input.observation.resources, facts)} (IAM Identity Center ${type === 'user' ? 'users' : 'groups'} must exist and be assigned first)`,
          location: locationOf(d, memberPointer(d, member)),
        });
      }
    }
    if (change.action !== 'delete') continue;
    const { users, unknown } = usersOf(change, input.observation.resources, facts);
    const names = users
      .filter((u) => !deleting.has(identityKey(u.address)))
      .map((u) => formatAddress(u.address))
      .sort();
    if (names.length > 0)
      refused.push({
        address: change.address,
        reason: 'in-use',
        detail: `${formatAddress(change.address)} is still used by ${names.join(', ')}; delete or move ${names.length === 1 ? 'it' : 'them'} first (DataZone refuses the delete)`,
        location: locationOf(d, '/metadata/name'),
      });
    else if (unknown.length > 0)
      // Whether it is still used could not be read: no delete on a guess.
      refused.push({
        address: change.address,
        reason: 'incomplete-observation',
        detail: `whether ${formatAddress(change.address)} is still used could not be read (${unknown.sort().join(', ')}), so it is not deleted`,
      });
  }
  return { refused, notes };
}

/**
 * The live resources that use the deleted profile (projects) or pool (profiles), and those whose
 * use could not be read (their Get failed in the second read).
 */
function usersOf(
  change: Change,
  resources: readonly LiveResource[],
  facts: DependentsFacts,
): { users: LiveResource[]; unknown: string[] } {
  const domain = change.address.domain;
  const users: LiveResource[] = [];
  const unknown: string[] = [];
  for (const r of resources) {
    if (r.address.domain !== domain) continue;
    if (change.address.kind === 'ProjectProfile' && r.address.kind === 'Project') {
      const profileId = r.meta.profileId ?? facts.projectProfiles.get(r.id);
      if (profileId === undefined) unknown.push(formatAddress(r.address));
      else if (profileId === change.id) users.push(r);
    }
    if (change.address.kind === 'AccountPool' && r.address.kind === 'ProjectProfile') {
      const normal = r.normal as NormalProjectProfile | undefined;
      const pools = normal
        ? (normal.environments ?? []).some((e) => e.target.accountPools?.includes(change.address.name))
        : facts.profilePools.get(r.id)?.includes(change.id ?? '');
      if (pools === undefined) unknown.push(formatAddress(r.address));
      else if (pools) users.push(r);
    }
  }
  return { users, unknown };
}
