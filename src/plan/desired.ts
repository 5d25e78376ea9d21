/**
 * The desired side of a plan: each resource document becomes a desired resource with its
 * identity, normalised value and lifecycle. Projects are normalised against their profile (which
 * environments need an account choice), taken from the manifests or, when the profile is not
 * declared, from live state.
 */
import { addressOf, identityKey, type Address } from '../model/identity.js';
import type { Manifest, ManifestOf } from '../model/manifest.js';
import { compact, keepCompact, type NormalProject, type NormalProjectProfile } from '../model/normalized.js';
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
 * `keepCompact` for a text field (validation made it a string): what `compact` does to a string, inline.
 * Each `keepCompact` call site compiles a copy of the whole generic `compact` into its caller; these
 * fields are most of a project's.
 */
function keepText(out: Record<string, unknown>, key: string, value: string | undefined): void {
  if (value !== undefined && value !== '') out[key] = value;
}

type ProjectSpec = ManifestOf<'Project'>['spec'];

/** A member as the normaliser writes it: `user:`/`group:` and the designation, if any. */
function memberOf(m: NonNullable<ProjectSpec['members']>[number]): { member: string; designation: string } {
  const out: Record<string, unknown> = {
    member: m.user !== undefined ? `user:${m.user}` : `group:${m.group ?? ''}`,
  };
  keepText(out, 'designation', m.designation);
  return out as { member: string; designation: string };
}

/** One chosen environment: its name, the account and region it lands in, its parameters. */
function environmentOf(
  name: string,
  target: ProjectSpec['target'] | undefined,
  parameters: Record<string, string> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  keepText(out, 'name', name);
  if (target) {
    const at: Record<string, unknown> = {};
    keepText(at, 'account', target.account);
    keepText(at, 'region', target.region);
    if (at.account !== undefined || at.region !== undefined) out.target = at;
  }
  keepCompact(out, 'parameters', parameters);
  return out;
}

/** Whether a built environment says more than its name (two of name, target and parameters). */
function chosenEnvironment(e: Record<string, unknown>): boolean {
  const fields = (e.name !== undefined ? 1 : 0) + (e.target !== undefined ? 1 : 0);
  return fields + (e.parameters !== undefined ? 1 : 0) > 1;
}

/**
 * A project's normalised value: `spec.target` spread onto each environment that needs a choice,
 * environment overrides on top. Without the profile, only explicit environment entries are known.
 *
 * Built in one pass, field by field in the normal form's order, with each field compacted as
 * `normalizeDesired` would (test/plan/normalize-desired.property.test.ts holds the two-step
 * reference: normalise the spec, then replace its environments). Ten thousand projects pass here
 * on every plan; the two steps copied each one twice and ran its members through two maps.
 */
export function normalizeProject(
  manifest: ManifestOf<'Project'>,
  profile: NormalProjectProfile | undefined,
): NormalProject {
  const spec = manifest.spec;
  const choice = choiceEnvironments(profile);
  // Most projects list no environment of their own: their names are the profile's, sorted once.
  const names = spec.environments?.length
    ? [...new Set([...(choice ?? []), ...spec.environments.map((e) => e.name)])].sort()
    : choice
      ? sortedChoice(choice)
      : [];
  // Mapped (an exact-length array: the value is kept for the whole plan); only environments with
  // two fields or more (a name and a target or parameters) are kept, filtered only if one is not.
  const built = names.map((name) => {
    const own = spec.environments?.find((e) => e.name === name);
    const target = own?.target ?? (choice?.has(name) ? spec.target : undefined);
    return environmentOf(name, target, own?.parameters);
  });
  const chosen = built.every(chosenEnvironment) ? built : built.filter(chosenEnvironment);
  // The spec's own environment list, compacted, decides where `environments` sits among the keys
  // (in its place when the spec lists one, else last) and is the value when nothing is chosen.
  const listed = spec.environments?.some(
    (e) =>
      compact(e.name) !== undefined || compact(e.target) !== undefined || compact(e.parameters) !== undefined,
  );
  const out: Record<string, unknown> = {};
  keepText(out, 'description', spec.description);
  keepText(out, 'profile', spec.profile);
  keepText(out, 'domainUnit', spec.domainUnit);
  if (listed && chosen.length > 0) out.environments = chosen;
  keepCompact(out, 'resourceTags', spec.resourceTags);
  if (spec.members && spec.members.length > 0) out.members = spec.members.map(memberOf);
  if (!listed && chosen.length > 0) out.environments = chosen;
  if (Object.keys(out).length > 0 || !listed) return out as unknown as NormalProject;
  // Only unchosen environments of its own (no profile, nothing else set): kept as the spec lists them.
  return {
    environments: compact(
      spec.environments!.map((e) => ({
        name: e.name,
        target: e.target && { ...e.target },
        parameters: e.parameters,
      })),
    ),
  } as NormalProject;
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
