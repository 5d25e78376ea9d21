/**
 * What a project may override of its profile, as DataZone enforces it at CreateProject and
 * UpdateProject: an environment parameter the profile lists must be marked editable to be given a
 * value; a resource tag the profile sets may take another value only when editable, and a tag the
 * profile does not set needs `allowCustomProjectResourceTags`. One function, used by validation
 * (profile declared) and by the plan (profile only live), so both say the same thing.
 */

/** The parts of a profile (manifest spec or normalised live value) the rules read. */
export interface ProfileRules {
  allowCustomProjectResourceTags?: boolean;
  projectResourceTags?: readonly { key: string; editable?: boolean }[];
  environments?: readonly { name: string; parameters?: readonly { name: string; editable?: boolean }[] }[];
}

/** The parts of a project (manifest spec or normalised value) the rules read. */
export interface ProjectOverrides {
  environments?: readonly { name: string; parameters?: Readonly<Record<string, string>> }[];
  resourceTags?: Readonly<Record<string, string>>;
}

/** One override the profile does not allow, located by a pointer into the project's `spec`. */
export interface OverrideProblem {
  code: 'SG314' | 'SG315';
  /** JSON pointer inside the project manifest (`/spec/...`). */
  pointer: string;
  message: string;
}

/** Every override of `project` that profile `profileName` does not allow. */
export function disallowedOverrides(
  profileName: string,
  profile: ProfileRules,
  project: ProjectOverrides,
  /** Index of each environment entry in the manifest (pointers); defaults to the list order. */
  indexOf: (environment: string) => number = (name) =>
    (project.environments ?? []).findIndex((e) => e.name === name),
): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  // Most projects override nothing: their check builds no lookup of the profile.
  const tagKeys = Object.keys(project.resourceTags ?? {});
  const overridden = (project.environments ?? []).filter((e) => e.parameters !== undefined);
  if (tagKeys.length === 0 && overridden.length === 0) return problems;
  const tags = new Map((profile.projectResourceTags ?? []).map((t) => [t.key, t.editable === true]));
  for (const key of tagKeys.sort()) {
    const editable = tags.get(key);
    if (editable === false)
      problems.push({
        code: 'SG315',
        pointer: `/spec/resourceTags/${escape(key)}`,
        message: `resource tag "${key}" is set by profile "${profileName}" and is not editable`,
      });
    else if (editable === undefined && profile.allowCustomProjectResourceTags !== true)
      problems.push({
        code: 'SG314',
        pointer: `/spec/resourceTags/${escape(key)}`,
        message: `profile "${profileName}" does not allow custom project resource tags (allowCustomProjectResourceTags); "${key}" is not one of its tags`,
      });
  }
  const environments = new Map((profile.environments ?? []).map((e) => [e.name, e]));
  for (const env of overridden) {
    const listed = new Map((environments.get(env.name)?.parameters ?? []).map((p) => [p.name, p]));
    for (const name of Object.keys(env.parameters ?? {}).sort()) {
      const listedParameter = listed.get(name);
      // Parameters the profile does not list are the blueprint's, decided by DataZone; unset editable means fixed.
      if (!listedParameter || listedParameter.editable === true) continue;
      problems.push({
        code: 'SG315',
        pointer: `/spec/environments/${indexOf(env.name)}/parameters/${escape(name)}`,
        message: `parameter "${name}" of environment "${env.name}" is fixed by profile "${profileName}" (not editable)`,
      });
    }
  }
  return problems;
}

/** A JSON-pointer segment. */
function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
