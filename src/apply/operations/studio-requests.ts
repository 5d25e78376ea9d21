/**
 * The SageMaker requests of a studio domain, built from normalised values (pure: no calls). Create
 * sends the whole declaration; an update sends only the members that differ, because UpdateDomain
 * merges DefaultUserSettings member by member and some members (subnets, network access) may only
 * change under conditions, so an unchanged member is best left out. Tags are not part of
 * UpdateDomain: they change through AddTags / DeleteTags, never touching the keys AWS and
 * SageMaker own.
 */
import type { CreateDomainCommandInput, Tag, UpdateDomainCommandInput } from '@aws-sdk/client-sagemaker';
import { canonicalSet } from '../../diff/diff.js';
import type { ManifestOf } from '../../model/manifest.js';
import type { NormalStudioDomain } from '../../model/normalized.js';
import { STUDIO_MANAGED_TAG, STUDIO_MANAGED_VALUE } from '../../model/studio-marker.js';
import {
  DOMAIN_SETTINGS,
  SPACE_SETTINGS,
  USER_SETTINGS,
  changedMembers,
  settingsToApi,
} from '../../model/studio-settings.js';
import { ApplyError } from '../types.js';

/** Keys the tool never adds or removes as the user's (its own ownership tag included: model/studio-marker.ts). */
const RESERVED_TAG = /^(aws|sagemaker|smus-gitops):/i;

/** The CreateDomain request of a declared studio domain. */
export function createDomainRequest(manifest: ManifestOf<'StudioDomain'>): CreateDomainCommandInput {
  const s = manifest.spec;
  const domainSettings = settingsToApi(s.domainSettings, DOMAIN_SETTINGS);
  const spaceSettings = settingsToApi(s.defaultSpaceSettings, SPACE_SETTINGS);
  return {
    DomainName: manifest.metadata.name,
    AuthMode: s.authMode,
    DefaultUserSettings: settingsToApi(s.defaultUserSettings ?? {}, USER_SETTINGS),
    ...(domainSettings ? { DomainSettings: domainSettings } : {}),
    ...(spaceSettings ? { DefaultSpaceSettings: spaceSettings } : {}),
    ...(s.tagPropagation ? { TagPropagation: s.tagPropagation } : {}),
    SubnetIds: s.subnetIds && [...s.subnetIds],
    VpcId: s.vpcId,
    AppNetworkAccessType: s.appNetworkAccessType ?? 'PublicInternetOnly',
    KmsKeyId: s.kmsKeyId,
    // Created by the tool, so owned by it from the start (model/studio-marker.ts).
    Tags: [...(toTags(s.tags) ?? []), { Key: STUDIO_MANAGED_TAG, Value: STUDIO_MANAGED_VALUE }],
  };
}

function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return JSON.stringify(canonicalSet(a ?? [])) === JSON.stringify(canonicalSet(b ?? []));
}

/**
 * The UpdateDomain members that bring `live` to `desired`, or undefined when none differ. Subnets
 * cannot be removed altogether (the API needs at least one), which is refused with a clear error.
 */
export function updateDomainMembers(
  desired: NormalStudioDomain,
  live: NormalStudioDomain,
): Omit<UpdateDomainCommandInput, 'DomainId'> | undefined {
  const out: Omit<UpdateDomainCommandInput, 'DomainId'> = {};
  const user = changedMembers(desired.defaultUserSettings, live.defaultUserSettings, USER_SETTINGS);
  if (user.unremovable.includes('executionRole'))
    throw new ApplyError('the execution role of a studio domain cannot be removed, only changed');
  if (Object.keys(user.update).length > 0) out.DefaultUserSettings = user.update;
  const domain = changedMembers(desired.domainSettings, live.domainSettings, DOMAIN_SETTINGS);
  if (domain.unremovable.length > 0)
    throw new ApplyError(
      `the domain settings ${domain.unremovable.join(', ')} of a studio domain cannot be removed, only changed`,
    );
  if (Object.keys(domain.update).length > 0)
    out.DomainSettingsForUpdate = domainSettingsForUpdate(domain.update);
  const space = changedMembers(desired.defaultSpaceSettings, live.defaultSpaceSettings, SPACE_SETTINGS);
  if (space.unremovable.includes('executionRole'))
    throw new ApplyError(
      'the default space execution role of a studio domain cannot be removed, only changed',
    );
  if (Object.keys(space.update).length > 0)
    out.DefaultSpaceSettings = space.update as UpdateDomainCommandInput['DefaultSpaceSettings'];
  if (desired.tagPropagation !== live.tagPropagation)
    out.TagPropagation = desired.tagPropagation === 'ENABLED' ? 'ENABLED' : 'DISABLED';
  if (!sameSet(desired.subnetIds, live.subnetIds)) {
    if (!desired.subnetIds?.length)
      throw new ApplyError('the subnets of a studio domain cannot be removed, only changed');
    out.SubnetIds = [...desired.subnetIds];
  }
  if (desired.appNetworkAccessType !== live.appNetworkAccessType)
    out.AppNetworkAccessType =
      desired.appNetworkAccessType as UpdateDomainCommandInput['AppNetworkAccessType'];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Tags to add (new or changed values) and keys to delete, reserved keys left alone on both sides. */
export function tagChanges(
  desired: Record<string, string> | undefined,
  live: Record<string, string> | undefined,
): { add: Tag[]; remove: string[] } {
  const want = Object.entries(desired ?? {}).filter(([k]) => !RESERVED_TAG.test(k));
  const have = Object.entries(live ?? {}).filter(([k]) => !RESERVED_TAG.test(k));
  const haveMap = new Map(have);
  const wantKeys = new Set(want.map(([k]) => k));
  return {
    add: want.filter(([k, v]) => haveMap.get(k) !== v).map(([Key, Value]) => ({ Key, Value })),
    remove: have.filter(([k]) => !wantKeys.has(k)).map(([k]) => k),
  };
}

/** Immutable members (reference §13.3) whose values differ: an adopted domain with these cannot be converged. */
export function immutableDifferences(desired: NormalStudioDomain, live: NormalStudioDomain): string[] {
  const fields = ['authMode', 'vpcId', 'kmsKeyId'] as const;
  return fields.filter((f) => desired[f] !== live[f]);
}

/**
 * DomainSettingsForUpdate names the RStudio member differently from DomainSettings
 * (RStudioServerProDomainSettingsForUpdate); every other member keeps its name.
 */
function domainSettingsForUpdate(
  update: Record<string, unknown>,
): UpdateDomainCommandInput['DomainSettingsForUpdate'] {
  const { RStudioServerProDomainSettings: rstudio, ...rest } = update;
  return {
    ...rest,
    ...(rstudio !== undefined ? { RStudioServerProDomainSettingsForUpdate: rstudio } : {}),
  } as UpdateDomainCommandInput['DomainSettingsForUpdate'];
}

function toTags(tags: Record<string, string> | undefined): Tag[] | undefined {
  const list = Object.entries(tags ?? {})
    .filter(([k]) => !RESERVED_TAG.test(k))
    .map(([Key, Value]) => ({ Key, Value }));
  return list.length > 0 ? list : undefined;
}
