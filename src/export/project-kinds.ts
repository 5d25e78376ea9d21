/**
 * The inverse of the desired-side normalisation for project profiles and projects. A project's
 * live value holds one resolved target per environment; the manifest says it once (`spec.target`,
 * spread by the planner onto every environment of the profile that needs a choice) and only the
 * environments that differ name their own target. That needs the profile, read alongside.
 */
import type { NormalProject, NormalProjectProfile, NormalTarget } from '../model/normalized.js';
import type { EnvironmentTarget } from '../model/manifest.js';
import { compare, envelope, sortedMap, type ExportedDocument } from './document.js';
import { matchingTemplate } from './profile-template.js';

type ProfileEnvironment = NonNullable<NormalProjectProfile['environments']>[number];
type ProjectTarget = { account: string; region: string };

function targetOf(target: NormalTarget): Record<string, unknown> {
  if (target.accountPools) return { accountPools: [...target.accountPools].sort(compare) };
  if (target.account !== undefined) return { account: target.account, region: target.region };
  return { allAssociatedAccounts: true };
}

function environmentOrder(a: ProfileEnvironment, b: ProfileEnvironment): number {
  const order = (e: ProfileEnvironment) => e.deploymentOrder ?? Number.MAX_SAFE_INTEGER;
  return order(a) - order(b) || compare(a.name, b.name);
}

/**
 * A ProjectProfile manifest. Environments that are exactly a console template's are written as
 * that `template` (profile-template.ts); any others as the explicit list.
 */
export function projectProfileDocument(
  domain: string,
  name: string,
  normal: NormalProjectProfile,
): ExportedDocument {
  const first = normal.environments?.[0];
  const template = matchingTemplate(
    normal.environments,
    first && (targetOf(first.target) as EnvironmentTarget),
  );
  return envelope('ProjectProfile', name, domain, {
    description: normal.description,
    status: normal.status,
    domainUnit: normal.domainUnit,
    allowCustomProjectResourceTags: normal.allowCustomProjectResourceTags,
    projectResourceTagsDescription: normal.projectResourceTagsDescription,
    projectResourceTags: normal.projectResourceTags
      ?.map((t) => ({ key: t.key, value: t.value, editable: t.editable }))
      .sort((a, b) => compare(a.key, b.key)),
    ...template,
    environments: template ? undefined : explicitEnvironments(normal),
  });
}

/** The profile's environments as an explicit list, in deployment order. */
function explicitEnvironments(normal: NormalProjectProfile) {
  return [...(normal.environments ?? [])].sort(environmentOrder).map((e) => ({
    name: e.name,
    description: e.description,
    blueprint: e.blueprint,
    deploymentMode: e.deploymentMode,
    deploymentOrder: e.deploymentOrder,
    target: targetOf(e.target),
    parameters: e.parameters
      ?.map((p) => ({ name: p.name, value: p.value, editable: p.editable }))
      .sort((a, b) => compare(a.name, b.name)),
  }));
}

function sameTarget(a: ProjectTarget | undefined, b: ProjectTarget | undefined): boolean {
  return a !== undefined && b !== undefined && a.account === b.account && a.region === b.region;
}

/**
 * The one target every choice environment shares, when they all have one and it is the same;
 * otherwise undefined (each environment then names its own).
 */
function sharedTarget(
  environments: NonNullable<NormalProject['environments']>,
  choice: ReadonlySet<string>,
): ProjectTarget | undefined {
  if (choice.size === 0) return undefined;
  const targets = [...choice].map((name) => environments.find((e) => e.name === name)?.target);
  const first = targets[0];
  return first && targets.every((t) => sameTarget(t, first)) ? first : undefined;
}

/**
 * A Project manifest. `profile` is the project's live profile (undefined when it was not found:
 * then every environment names its own target, which the planner reads the same way).
 */
export function projectDocument(
  domain: string,
  name: string,
  normal: NormalProject,
  profile: NormalProjectProfile | undefined,
): ExportedDocument {
  const choice = new Set(
    (profile?.environments ?? [])
      .filter((e) => e.target.accountPools || e.target.allAssociatedAccounts)
      .map((e) => e.name),
  );
  const live = normal.environments ?? [];
  const shared = sharedTarget(live, choice);
  const environments = [...live]
    .sort((a, b) => compare(a.name, b.name))
    .map((e) => {
      const ownTarget = e.target && !(choice.has(e.name) && sameTarget(e.target, shared));
      return {
        name: e.name,
        target: ownTarget ? { account: e.target?.account, region: e.target?.region } : undefined,
        parameters: sortedMap(e.parameters),
      };
    })
    .filter((e) => e.target !== undefined || e.parameters !== undefined);
  return envelope('Project', name, domain, {
    description: normal.description,
    profile: normal.profile,
    domainUnit: normal.domainUnit,
    target: shared && { account: shared.account, region: shared.region },
    environments: environments.length > 0 ? environments : undefined,
    resourceTags: sortedMap(normal.resourceTags),
    members: normal.members?.map((m) => {
      const separator = m.member.indexOf(':');
      const type = m.member.slice(0, separator);
      const identifier = m.member.slice(separator + 1);
      return type === 'group'
        ? { group: identifier, designation: m.designation }
        : { user: identifier, designation: m.designation };
    }),
  });
}
