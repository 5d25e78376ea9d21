/**
 * Policy grants have no name in the API: a grant is one entry in the list of grants of one policy
 * type on one entity, with a generated grant id. The tool therefore identifies a grant by its
 * natural key: domain + domain unit + policy type + principal. That key is the grant's address
 * name in plans (`HR CREATE_PROJECT CREATE_PROJECT… group:hr-analysts`), built the same way from a
 * manifest and from a live grant, so that the two match; `metadata.name` is only the document's
 * label. The detail (child units, project profiles) is a field of the grant, and since the API has
 * no update, a changed detail is a replace (remove, then add).
 */
import {
  isBlueprintPolicy,
  type BlueprintPolicyType,
  type GrantPrincipal,
  type PolicyGrantSpec,
  type UnitPolicyType,
} from './manifest.js';

/**
 * The normalised value of a grant. Policy, unit and principal are its identity (so they are equal
 * on both sides of any diff); they are in the value so the plan shows them on a create and the
 * planner can order a grant after the unit, profiles and projects it names.
 */
export interface NormalPolicyGrant {
  policy: string;
  domainUnit?: string;
  /** Blueprint policy types: the configuration the grant is on (identity, like domainUnit). */
  blueprintConfiguration?: { blueprint: string; account: string };
  principal: GrantPrincipal;
  includeChildDomainUnits: boolean;
  /** CREATE_PROJECT_FROM_PROJECT_PROFILE only: profile names (a set). */
  projectProfiles?: string[];
  /**
   * Live only, and only when above 0: how many more grants have this very key and detail. A
   * manifest never declares it, so a duplicate shows as a change that removes it (never "No
   * changes" over a duplicate); a declared grant is one grant.
   */
  duplicateGrants?: number;
}

/** What the winner rule needs of a listed grant. */
export interface GrantStamp {
  grantId?: string;
  createdAt?: Date | string | number;
}

function stampTime(g: GrantStamp): number {
  const t = g.createdAt === undefined ? NaN : new Date(g.createdAt).getTime();
  // A grant without a time sorts last: it cannot be shown to be the first one made.
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * The order that picks which of several identical grants stays: earliest `createdAt`, then the
 * smallest `grantId`. It depends on the grants alone, never on who looks, so two applies that
 * each add a grant and then list both pick the same one to keep and remove only the other; the
 * first grant in this order is never removed by anyone, so one always stays.
 */
export function grantOrder(a: GrantStamp, b: GrantStamp): number {
  const ta = stampTime(a);
  const tb = stampTime(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ia = a.grantId ?? '';
  const ib = b.grantId ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** How the root domain unit appears in a grant's address. */
export const ROOT_UNIT_LABEL = '(root)';

/**
 * The manifest form of a principal as one token: `user:NAME`, `group:NAME`, `allUsers`,
 * `project:NAME/DESIGNATION`, `projects:UNIT[+children]/DESIGNATION`, `owners:UNIT` or `owners:*`.
 * Member names use the `user:`/`group:` forms project members already use.
 */
export function principalLabel(p: GrantPrincipal): string {
  if (p.user !== undefined) return `user:${p.user}`;
  if (p.group !== undefined) return `group:${p.group}`;
  if (p.allUsers) return 'allUsers';
  if (p.project) {
    if (p.project.name !== undefined) return `project:${p.project.name}/${p.project.designation}`;
    const unit = p.project.domainUnit || ROOT_UNIT_LABEL;
    return `projects:${unit}${p.project.includeChildDomainUnits ? '+children' : ''}/${p.project.designation}`;
  }
  return `owners:${p.domainUnitOwners || ROOT_UNIT_LABEL}`;
}

/** A grant's address name: its natural key without the domain. */
export function grantName(unit: string | undefined, policy: string, principal: string): string {
  return `${unit || ROOT_UNIT_LABEL} ${policy} ${principal}`;
}

/**
 * How a blueprint configuration appears where a grant's unit would: `blueprint:NAME@ACCOUNT`
 * (a unit path never contains `:`, so the two cannot meet).
 */
export function blueprintTargetLabel(target: { blueprint: string; account: string }): string {
  return `blueprint:${target.blueprint}@${target.account}`;
}

/** The address name of a declared grant. */
export function grantNameOf(spec: PolicyGrantSpec): string {
  const target = spec.blueprintConfiguration
    ? blueprintTargetLabel(spec.blueprintConfiguration)
    : spec.domainUnit;
  return grantName(target, spec.policy, principalLabel(spec.principal));
}

/**
 * Policy types whose detail carries `includeChildDomainUnits`: all unit types but
 * CREATE_ENVIRONMENT_PROFILE (whose detail names a unit); the blueprint types' details are empty.
 */
export function hasChildUnitsFlag(policy: UnitPolicyType | BlueprintPolicyType | string): boolean {
  return policy !== 'CREATE_ENVIRONMENT_PROFILE' && !isBlueprintPolicy(policy);
}

/** The normalised desired value of a grant. */
export function normalizeGrant(spec: PolicyGrantSpec): NormalPolicyGrant {
  const normal: NormalPolicyGrant = {
    policy: spec.policy,
    ...(spec.domainUnit ? { domainUnit: spec.domainUnit } : {}),
    ...(spec.blueprintConfiguration
      ? {
          blueprintConfiguration: {
            blueprint: spec.blueprintConfiguration.blueprint,
            account: spec.blueprintConfiguration.account,
          },
        }
      : {}),
    principal: spec.principal,
    includeChildDomainUnits: hasChildUnitsFlag(spec.policy) && (spec.includeChildDomainUnits ?? false),
  };
  if (spec.policy === 'CREATE_PROJECT_FROM_PROJECT_PROFILE')
    normal.projectProfiles = [...(spec.projectProfiles ?? [])].sort();
  return normal;
}

/** The detail member of each policy type (PolicyGrantDetail union). */
export const DETAIL_MEMBER: Readonly<Record<UnitPolicyType | BlueprintPolicyType, string>> = {
  CREATE_DOMAIN_UNIT: 'createDomainUnit',
  OVERRIDE_DOMAIN_UNIT_OWNERS: 'overrideDomainUnitOwners',
  ADD_TO_PROJECT_MEMBER_POOL: 'addToProjectMemberPool',
  OVERRIDE_PROJECT_OWNERS: 'overrideProjectOwners',
  CREATE_GLOSSARY: 'createGlossary',
  CREATE_FORM_TYPE: 'createFormType',
  CREATE_ASSET_TYPE: 'createAssetType',
  CREATE_PROJECT: 'createProject',
  CREATE_ENVIRONMENT_PROFILE: 'createEnvironmentProfile',
  CREATE_PROJECT_FROM_PROJECT_PROFILE: 'createProjectFromProjectProfile',
  CREATE_ENVIRONMENT_FROM_BLUEPRINT: 'createEnvironmentFromBlueprint',
  DELEGATE_CREATE_ENVIRONMENT_PROFILE: 'delegateCreateEnvironmentProfile',
};
