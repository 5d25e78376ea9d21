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
import { ApplyError } from '../types.js';

/** Keys the tool never adds or removes as the user's (its own ownership tag included: model/studio-marker.ts). */
const RESERVED_TAG = /^(aws|sagemaker|smus-gitops):/i;

/** The CreateDomain request of a declared studio domain. */
export function createDomainRequest(manifest: ManifestOf<'StudioDomain'>): CreateDomainCommandInput {
  const s = manifest.spec;
  const settings = s.defaultUserSettings;
  return {
    DomainName: manifest.metadata.name,
    AuthMode: s.authMode,
    DefaultUserSettings: {
      ...(settings?.executionRole ? { ExecutionRole: settings.executionRole } : {}),
      ...(settings?.securityGroups ? { SecurityGroups: [...settings.securityGroups] } : {}),
    },
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
  const want = desired.defaultUserSettings ?? {};
  const have = live.defaultUserSettings ?? {};
  const settings: NonNullable<UpdateDomainCommandInput['DefaultUserSettings']> = {};
  if (want.executionRole !== have.executionRole) {
    if (!want.executionRole)
      throw new ApplyError('the execution role of a studio domain cannot be removed, only changed');
    settings.ExecutionRole = want.executionRole;
  }
  if (!sameSet(want.securityGroups, have.securityGroups))
    settings.SecurityGroups = [...(want.securityGroups ?? [])];
  if (Object.keys(settings).length > 0) out.DefaultUserSettings = settings;
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

function toTags(tags: Record<string, string> | undefined): Tag[] | undefined {
  const list = Object.entries(tags ?? {})
    .filter(([k]) => !RESERVED_TAG.test(k))
    .map(([Key, Value]) => ({ Key, Value }));
  return list.length > 0 ? list : undefined;
}
