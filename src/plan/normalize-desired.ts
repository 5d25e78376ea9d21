/**
 * Desired side of the normalised model: a manifest's spec with defaults filled in and the fields
 * that are not part of the live resource (identity, tool configuration, write-only values) left
 * out. See model/normalized.ts for the conventions both sides follow.
 */
import { normalizeOwners } from '../model/owners.js';
import { normalizeGlossary } from '../model/glossary.js';
import { normalizeFormType, normalizeMetadataRule } from '../model/form-type.js';
import { normalizeGlossaryTerm } from '../model/glossary-term.js';
import { assertNever, type Manifest } from '../model/manifest.js';
import { normalizeGrant } from '../model/policy-grant.js';
import {
  DOMAIN_SETTINGS,
  SPACE_SETTINGS,
  USER_SETTINGS,
  settingsFromManifest,
} from '../model/studio-settings.js';
import {
  compact,
  keepCompact,
  normalizeSso,
  ownTags,
  type NormalAccountAssociation,
  type NormalAccountPool,
  type NormalBlueprintConfiguration,
  type NormalDomain,
  type NormalDomainUnit,
  type NormalProject,
  type NormalProjectProfile,
  type NormalStudioDomain,
  type NormalStudioUserProfile,
  type NormalTarget,
} from '../model/normalized.js';

/** The normalised desired value of a resource manifest (undefined for a Policy, which is not a resource). */
export function normalizeDesired(manifest: Manifest): object | undefined {
  switch (manifest.kind) {
    case 'Domain': {
      const s = manifest.spec;
      const domain: NormalDomain = {
        description: s.description,
        executionRole: s.executionRole,
        serviceRole: s.serviceRole,
        kmsKey: s.kmsKey,
        singleSignOn: normalizeSso(s.singleSignOn),
        tags: ownTags(s.tags),
        owners: normalizeOwners(s.owners),
      };
      return compact(domain) ?? {};
    }
    case 'DomainUnit': {
      const unit: NormalDomainUnit = {
        description: manifest.spec?.description,
        owners: normalizeOwners(manifest.spec?.owners),
      };
      return compact(unit) ?? {};
    }
    case 'AccountAssociation': {
      const association: NormalAccountAssociation = {
        access: manifest.spec.access ?? 'portal',
        status: 'ASSOCIATED',
      };
      return association;
    }
    case 'BlueprintConfiguration': {
      const s = manifest.spec;
      const config: NormalBlueprintConfiguration = {
        enabledRegions: [...s.enabledRegions],
        provisioningRole: s.provisioningRole,
        manageAccessRole: s.manageAccessRole,
        permissionBoundary: s.permissionBoundary,
        regionalParameters: s.regionalParameters,
      };
      return { ...compact(config), enabledRegions: [...s.enabledRegions] };
    }
    case 'AccountPool':
      return normalizePool(manifest.spec);
    case 'ProjectProfile':
      return normalizeProfile(manifest.spec);
    case 'Project':
      return normalizeProject(manifest.spec);
    case 'Glossary':
      return normalizeGlossary(manifest.spec);
    case 'FormType':
      return normalizeFormType(manifest.spec);
    case 'MetadataRule':
      return normalizeMetadataRule(manifest.spec);
    case 'GlossaryTerm':
      return normalizeGlossaryTerm(manifest.spec);
    case 'StudioDomain': {
      const s = manifest.spec;
      const studio: NormalStudioDomain = {
        authMode: s.authMode,
        vpcId: s.vpcId,
        subnetIds: s.subnetIds && [...s.subnetIds],
        appNetworkAccessType: s.appNetworkAccessType ?? 'PublicInternetOnly',
        kmsKeyId: s.kmsKeyId,
        defaultUserSettings: settingsFromManifest(s.defaultUserSettings, USER_SETTINGS),
        domainSettings: settingsFromManifest(s.domainSettings, DOMAIN_SETTINGS),
        defaultSpaceSettings: settingsFromManifest(s.defaultSpaceSettings, SPACE_SETTINGS),
        tagPropagation: s.tagPropagation === 'ENABLED' ? 'ENABLED' : undefined,
        tags: ownTags(s.tags),
      };
      return compact(studio);
    }
    case 'StudioUserProfile': {
      const s = manifest.spec;
      const profile: NormalStudioUserProfile = {
        singleSignOnUser: s.singleSignOnUser,
        userSettings: settingsFromManifest(s.userSettings, USER_SETTINGS),
        tags: ownTags(s.tags),
      };
      return compact(profile);
    }
    case 'Policy':
      return undefined;
    case 'PolicyGrant':
      return normalizeGrant(manifest.spec);
    default:
      return assertNever(manifest);
  }
}

/**
 * An account pool, compacted as it is built: `compact` of the literal with its accounts mapped
 * gives the same value, but copied each of a pool's accounts twice (a large organisation
 * declares tens of thousands).
 */
function normalizePool(s: Extract<Manifest, { kind: 'AccountPool' }>['spec']): NormalAccountPool {
  const pool: Record<string, unknown> = {};
  keepCompact(pool, 'description', s.description);
  keepCompact(pool, 'resolutionStrategy', s.resolutionStrategy ?? 'MANUAL');
  if (s.accounts) {
    // Mapped (an exact-length array), then filtered only if an account compacts to nothing.
    const accounts = s.accounts.map((a) => {
      const account: Record<string, unknown> = {};
      // Text fields inline (validation made them strings): a `keepCompact` per field compiles a copy
      // of the generic compact into this loop each.
      if (a.id !== undefined && a.id !== '') account.id = a.id;
      if (a.name !== undefined && a.name !== '') account.name = a.name;
      keepCompact(account, 'regions', a.regions);
      return account;
    });
    // An account with nothing left (no id, name or region) is dropped, as compact drops it.
    const empty = (a: Record<string, unknown>) =>
      a.id === undefined && a.name === undefined && a.regions === undefined;
    const kept = accounts.some(empty) ? accounts.filter((a) => !empty(a)) : accounts;
    if (kept.length > 0) pool.accounts = kept;
  }
  keepCompact(pool, 'customHandler', s.customHandler);
  // `compact` of an empty value is undefined (a strategy of '' and nothing else set).
  return (Object.keys(pool).length > 0 ? pool : undefined) as unknown as NormalAccountPool;
}

function normalizeTarget(target: {
  accountPools?: string[];
  account?: string;
  region?: string;
  allAssociatedAccounts?: boolean;
}): NormalTarget {
  if (target.accountPools) return { accountPools: [...target.accountPools] };
  if (target.account) return { account: target.account, region: target.region };
  return { allAssociatedAccounts: true };
}

function normalizeProfile(s: Extract<Manifest, { kind: 'ProjectProfile' }>['spec']): NormalProjectProfile {
  const profile: NormalProjectProfile = {
    description: s.description,
    status: s.status ?? 'ENABLED',
    domainUnit: s.domainUnit,
    allowCustomProjectResourceTags: s.allowCustomProjectResourceTags ?? false,
    projectResourceTagsDescription: s.projectResourceTagsDescription,
    projectResourceTags: s.projectResourceTags?.map((t) => ({
      key: t.key,
      value: t.value,
      editable: t.editable ?? false,
    })),
    environments: s.environments?.map((e) => ({
      name: e.name,
      description: e.description,
      blueprint: e.blueprint,
      deploymentMode: e.deploymentMode ?? 'ON_CREATE',
      deploymentOrder: e.deploymentOrder,
      target: normalizeTarget(e.target),
      parameters: e.parameters?.map((p) => ({ name: p.name, value: p.value, editable: p.editable ?? false })),
    })),
  };
  // compact() would drop `false` nowhere (only '', {}, [] and undefined), so booleans survive.
  return compact(profile);
}

function normalizeProject(s: Extract<Manifest, { kind: 'Project' }>['spec']): NormalProject {
  const project: NormalProject = {
    description: s.description,
    // No profile reads as '' (dropped by compact), as the live reader writes it.
    profile: s.profile ?? '',
    domainUnit: s.domainUnit,
    environments: s.environments?.map((e) => ({
      name: e.name,
      target: e.target && { ...e.target },
      parameters: e.parameters,
    })),
    resourceTags: s.resourceTags,
    members: s.members?.map((m) => ({
      member: m.user !== undefined ? `user:${m.user}` : `group:${m.group ?? ''}`,
      designation: m.designation,
    })),
  };
  return compact(project);
}
