/**
 * The edges of the plan graph: every change depends on everything whose state it needs at the
 * moment it runs. A create or update waits for the resources it references (its domain, parent
 * unit, pools, profile) and, for a project, for what each environment needs where it deploys:
 * the account's association, the blueprint configuration of that environment's blueprint in that
 * account and, for a pool environment, the pools that must offer it, whatever the profile form (fixed account, pools, all associated accounts) — the
 * profile's fixed target or the project's choice. `environmentTargets` is the one place that
 * resolves where a project's environments land; the cross-checks use it too. Deletes run in reverse: a delete waits for every other change of a later kind
 * in its domain (which may stop referencing it first) and, for domain units, for its descendants.
 *
 *   create:  Domain ──▶ Unit HR ──▶ Unit HR/Benefits      Pool ──▶ Profile ──▶ Project
 *   delete:  Project ──▶ Profile ──▶ Pool                  HR/Benefits ──▶ HR ──▶ Domain
 *
 * (an arrow reads "before"). The change list's order is one topological order of these edges.
 */
import type { NormalPolicyGrant } from '../model/policy-grant.js';
import type { NormalGlossary } from '../model/glossary.js';
import type { NormalFormType, NormalMetadataRule } from '../model/form-type.js';
import type { NormalGlossaryTerm } from '../model/glossary-term.js';
import { identityKey, type Address } from '../model/identity.js';
import type { NormalProject, NormalProjectProfile } from '../model/normalized.js';
import type { ProfileLookup } from './desired.js';
import { kindRank } from './kinds.js';
import type { Change } from './types.js';

function key(address: Address): string {
  return identityKey(address);
}

/** The domain a resource lives in: a Domain's own name, or the domain of a scoped resource. */
function domainOf(address: Address): string | undefined {
  // A Studio domain's delete waits for the deletes of its user profiles (address.domain is its name).
  return address.kind === 'Domain' || address.kind === 'StudioDomain' ? address.name : address.domain;
}

/** Where one environment of a project deploys. */
export interface EnvironmentTarget {
  name: string;
  blueprint: string;
  target: { account: string; region: string };
  /** The pools that must offer the target (pool environments): a project waits for their updates too. */
  pools?: readonly string[];
}

/**
 * Where each environment of a project deploys: the profile's fixed account and region, else the
 * project's choice for that environment. Environments with neither (no choice made yet) are left
 * out; without the profile, only the project's own choices are known (blueprint unknown: '').
 */
export function environmentTargets(
  project: NormalProject,
  profile: NormalProjectProfile | undefined,
): EnvironmentTarget[] {
  const chosen = new Map((project.environments ?? []).map((e) => [e.name, e.target]));
  if (!profile)
    return (project.environments ?? []).flatMap((e) =>
      e.target ? [{ name: e.name, blueprint: '', target: e.target }] : [],
    );
  return (profile.environments ?? []).flatMap((env) => {
    const fixed =
      env.target.account && env.target.region
        ? { account: env.target.account, region: env.target.region }
        : undefined;
    const target = fixed ?? chosen.get(env.name);
    if (!target) return [];
    const pools = env.target.accountPools;
    return [{ name: env.name, blueprint: env.blueprint, target, ...(pools ? { pools } : {}) }];
  });
}

/** Keys a non-delete change references (whether or not they change). */
function references(
  change: Change,
  normal: object | undefined,
  domainAccount: string | undefined,
  profile: ProfileLookup,
): string[] {
  const a = change.address;
  const domain = a.domain ?? '';
  const refs: string[] = [];
  if (
    a.kind !== 'Domain' &&
    a.kind !== 'StudioDomain' &&
    a.kind !== 'StudioUserProfile' &&
    a.kind !== 'Policy'
  )
    refs.push(key({ kind: 'Domain', name: domain }));
  const unit = (path: string | undefined) =>
    path && refs.push(key({ kind: 'DomainUnit', domain, name: path }));
  switch (a.kind) {
    case 'DomainUnit':
      unit(a.name.split('/').slice(0, -1).join('/'));
      break;
    case 'BlueprintConfiguration':
      if (a.account && a.account !== domainAccount)
        refs.push(key({ kind: 'AccountAssociation', domain, name: a.account }));
      break;
    case 'ProjectProfile': {
      const p = normal as NormalProjectProfile | undefined;
      unit(p?.domainUnit);
      for (const env of p?.environments ?? [])
        for (const pool of env.target.accountPools ?? [])
          refs.push(key({ kind: 'AccountPool', domain, name: pool }));
      break;
    }
    case 'Project': {
      const p = normal as NormalProject | undefined;
      unit(p?.domainUnit);
      if (!p) break;
      refs.push(key({ kind: 'ProjectProfile', domain, name: p.profile }));
      for (const env of environmentTargets(p, profile(domain, p.profile))) {
        if (env.target.account !== domainAccount)
          refs.push(key({ kind: 'AccountAssociation', domain, name: env.target.account }));
        refs.push(
          key({ kind: 'BlueprintConfiguration', domain, name: env.blueprint, account: env.target.account }),
        );
        // A pool gaining the account or region must have done so before the project is placed there.
        for (const pool of env.pools ?? []) refs.push(key({ kind: 'AccountPool', domain, name: pool }));
      }
      break;
    }
    case 'PolicyGrant': {
      // A grant names its unit, the profiles and projects it is about: they must exist first.
      const g = normal as NormalPolicyGrant | undefined;
      unit(g?.domainUnit);
      if (g?.blueprintConfiguration)
        refs.push(
          key({
            kind: 'BlueprintConfiguration',
            domain,
            name: g.blueprintConfiguration.blueprint,
            account: g.blueprintConfiguration.account,
          }),
        );
      for (const name of g?.projectProfiles ?? []) refs.push(key({ kind: 'ProjectProfile', domain, name }));
      unit(g?.principal.project?.domainUnit);
      if (g?.principal.domainUnitOwners !== '*') unit(g?.principal.domainUnitOwners);
      if (g?.principal.project?.name)
        refs.push(key({ kind: 'Project', domain, name: g.principal.project.name }));
      break;
    }
    case 'Glossary': {
      // A glossary is created in its owning project, which must exist first.
      const g = normal as NormalGlossary | undefined;
      if (g) refs.push(key({ kind: 'Project', domain, name: g.owningProject }));
      break;
    }
    case 'FormType': {
      // A form type is created in its owning project, which must exist first.
      const f = normal as NormalFormType | undefined;
      if (f) refs.push(key({ kind: 'Project', domain, name: f.owningProject }));
      break;
    }
    case 'MetadataRule': {
      // A rule targets its unit, requires its form types and may name projects in its scope.
      const r = normal as NormalMetadataRule | undefined;
      unit(r?.domainUnit);
      for (const name of r?.requiredForms ?? []) refs.push(key({ kind: 'FormType', domain, name }));
      if (Array.isArray(r?.scope.projects))
        for (const name of r.scope.projects) refs.push(key({ kind: 'Project', domain, name }));
      break;
    }
    case 'GlossaryTerm': {
      // A term is created in its glossary. Related terms are not edges: the term's operation
      // creates a missing related term by name first, so relations may form cycles.
      const t = normal as NormalGlossaryTerm | undefined;
      if (t) refs.push(key({ kind: 'Glossary', domain, name: t.glossary }));
      break;
    }
    case 'StudioUserProfile':
      // A user profile is created in its Studio domain (of the caller's account), which must exist first.
      refs.push(key({ kind: 'StudioDomain', name: domain, region: a.region }));
      break;
    default:
      break;
  }
  return refs;
}

/** Fills `dependsOn` of every change (in place) from references and the reverse-delete rule. */
export function linkDependencies(
  changes: Change[],
  /** A change's normalised value by key: the desired one, else the live one. */
  normalOf: (key: string) => object | undefined,
  domainAccounts: ReadonlyMap<string, string | undefined>,
  profile: ProfileLookup,
): void {
  const active = changes.filter((c) => c.action !== 'noop' && c.action !== 'unmanaged');
  const keyOf = new Map(active.map((c) => [c, key(c.address)]));
  const activeKeys = new Set(keyOf.values());
  const deletes = active.filter((c) => c.action === 'delete');
  const deleted = new Set(deletes.map((c) => keyOf.get(c)!));
  // Deletes look only at the active changes of their own domain (a plan may hold many domains).
  const byDomain = new Map<string | undefined, Change[]>();
  if (deletes.length > 0)
    for (const c of active) {
      const d = domainOf(c.address);
      const list = byDomain.get(d) ?? [];
      list.push(c);
      byDomain.set(d, list);
    }
  for (const change of active) {
    const own = keyOf.get(change)!;
    const deps = new Set<string>();
    if (change.action === 'delete') {
      for (const other of byDomain.get(domainOf(change.address)) ?? []) {
        const k = keyOf.get(other)!;
        if (k === own) continue;
        const later = kindRank(other.address.kind) > kindRank(change.address.kind);
        const descendant =
          other.address.kind === 'DomainUnit' &&
          change.address.kind === 'DomainUnit' &&
          other.address.name.startsWith(`${change.address.name}/`);
        if (later || descendant) deps.add(k);
      }
    } else {
      const refs = references(
        change,
        normalOf(own),
        domainAccounts.get(change.address.domain ?? ''),
        profile,
      );
      // A change never waits on a delete: deletes come after everything that may still reference them.
      const add = (k: string) => {
        if (k !== own && !deleted.has(k)) deps.add(k);
      };
      for (const ref of refs) if (activeKeys.has(ref)) add(ref);
    }
    change.dependsOn = [...deps].sort();
  }
  chainGlossaryTerms(active, normalOf, keyOf);
}

/**
 * The term changes of one glossary run one after another, in plan order: a term's operation may
 * create a related term by name (apply/operations/glossary-term.ts), so parallel runs would race
 * for the same name and the ids DataZone hands out would depend on timing. A chain has no cycles,
 * whatever the relations are.
 */
function chainGlossaryTerms(
  active: readonly Change[],
  normalOf: (key: string) => object | undefined,
  keyOf: ReadonlyMap<Change, string>,
): void {
  const previous = new Map<string, string>();
  for (const change of active) {
    if (change.address.kind !== 'GlossaryTerm') continue;
    const own = keyOf.get(change)!;
    const glossary = (normalOf(own) as NormalGlossaryTerm | undefined)?.glossary ?? '';
    const chain = `${change.address.domain ?? ''}\u0000${glossary}`;
    const before = previous.get(chain);
    if (before && !change.dependsOn.includes(before)) change.dependsOn = [...change.dependsOn, before].sort();
    previous.set(chain, own);
  }
}
