/**
 * The desired side of a plan: each resource document becomes a desired resource with its
 * identity, normalised value and lifecycle. Projects are normalised against their profile (which
 * environments need an account choice), taken from the manifests or, when the profile is not
 * declared, from live state.
 */
import { addressOf, identityKey, type Address } from '../model/identity.js';
import type { Manifest, ManifestOf } from '../model/manifest.js';
import { compact, type NormalProject, type NormalProjectProfile } from '../model/normalized.js';
import type { LoadedDocument } from '../load/parse.js';
import type { ValidDocument } from '../validate/schema-validator.js';
import { normalizeDesired } from './normalize-desired.js';

/** A declared resource. */
export interface DesiredResource {
  address: Address;
  key: string;
  manifest: Manifest;
  /** Normalised desired value (undefined for a tombstone: only its identity matters). */
  normal?: object;
  absent: boolean;
  protect: boolean;
  /** The document that declares it: where plan-time findings about it are located. */
  source?: LoadedDocument;
}

/** Looks up a profile's normalised value by domain and name (desired first, then live). */
export type ProfileLookup = (domain: string, name: string) => NormalProjectProfile | undefined;

// Per profile value: a thousand projects share a profile.
const choiceCache = new WeakMap<NormalProjectProfile, Set<string>>();
const sortedChoiceCache = new WeakMap<Set<string>, string[]>();

/** The choice environments' names, sorted (once per profile). */
function sortedChoice(choice: Set<string>): string[] {
  let sorted = sortedChoiceCache.get(choice);
  if (!sorted) sortedChoiceCache.set(choice, (sorted = [...choice].sort()));
  return sorted;
}

/** Environments of a profile whose account and region the project chooses (pools, or any associated account). */
function choiceEnvironments(profile: NormalProjectProfile | undefined): Set<string> | undefined {
  if (!profile) return undefined;
  let choice = choiceCache.get(profile);
  if (!choice) {
    choice = new Set(
      (profile.environments ?? [])
        .filter((e) => e.target.accountPools || e.target.allAssociatedAccounts)
        .map((e) => e.name),
    );
    choiceCache.set(profile, choice);
  }
  return choice;
}

/**
 * A project's normalised value: `spec.target` spread onto each environment that needs a choice,
 * environment overrides on top. Without the profile, only explicit environment entries are known.
 */
export function normalizeProject(
  manifest: ManifestOf<'Project'>,
  profile: NormalProjectProfile | undefined,
): NormalProject {
  const base = normalizeDesired(manifest) as NormalProject;
  const spec = manifest.spec;
  const choice = choiceEnvironments(profile);
  // Most projects list no environment of their own: their names are the profile's, sorted once.
  const names = spec.environments?.length
    ? [...new Set([...(choice ?? []), ...spec.environments.map((e) => e.name)])].sort()
    : choice
      ? sortedChoice(choice)
      : [];
  const environments = names.map((name) => {
    const own = spec.environments?.find((e) => e.name === name);
    const target = own?.target ?? (choice?.has(name) ? spec.target : undefined);
    return compact({
      name,
      target: target && { account: target.account, region: target.region },
      parameters: own?.parameters,
    });
  });
  const chosen = environments.filter((e) => e && Object.keys(e).length > 1);
  // `base` is compact already: only `environments` changes. Copied key by key in compact's order
  // ({ ...base, environments } then compacted) instead of compacting the whole value a second
  // time, which ten thousand projects pay for.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base))
    if (key !== 'environments') out[key] = base[key as keyof NormalProject];
    else if (chosen.length > 0) out[key] = chosen;
  if (!('environments' in base) && chosen.length > 0) out.environments = chosen;
  return Object.keys(out).length > 0 ? (out as unknown as NormalProject) : base;
}

/** The profile a project is normalised against; none for a project without one. */
function profileOf(manifest: ManifestOf<'Project'>, lookup: ProfileLookup): NormalProjectProfile | undefined {
  const name = manifest.spec.profile;
  return name === undefined ? undefined : lookup(manifest.metadata.domain ?? '', name);
}

/** Builds the desired resources of the given documents (Policy documents are not resources). */
export function desiredResources(
  docs: readonly ValidDocument[],
  options: { profile: ProfileLookup; defaultAccount: (domain: string) => string | undefined },
): DesiredResource[] {
  const out: DesiredResource[] = [];
  for (const { manifest, source } of docs) {
    if (manifest.kind === 'Policy') continue;
    const address = addressOf(manifest);
    if (manifest.kind === 'BlueprintConfiguration' && !address.account) {
      const account = options.defaultAccount(address.domain ?? '');
      if (account) address.account = account;
    }
    const absent = manifest.lifecycle?.ensure === 'absent';
    const normal = absent
      ? undefined
      : manifest.kind === 'Project'
        ? normalizeProject(manifest, profileOf(manifest, options.profile))
        : normalizeDesired(manifest);
    out.push({
      address,
      key: identityKey(address),
      manifest,
      normal,
      absent,
      protect: manifest.lifecycle?.protect === true,
      source,
    });
  }
  return out;
}
