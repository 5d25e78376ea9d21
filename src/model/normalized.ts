/**
 * The normalised model: what the differ compares. Desired manifests and live API objects are both
 * turned into these shapes, with names instead of ids, defaults filled in, empty strings and empty
 * maps removed, and server-computed or write-only fields left out. Equal meaning gives equal
 * values, so the differ needs no knowledge of the API.
 *
 * Conventions: an unset optional field is `undefined` (never `''`, `{}` or `[]`, which the
 * normalisers fold into `undefined`); the root domain unit is `undefined`; sets are arrays in any
 * order (the diff rules compare them as sets).
 */

/** Domain (identity: name + region). `kmsKey` is immutable. */
export interface NormalDomain {
  description?: string;
  executionRole?: string;
  serviceRole?: string;
  kmsKey?: string;
  singleSignOn: { type: string; userAssignment?: string; idcInstanceArn?: string };
  tags?: Record<string, string>;
  /** The root domain unit's owners, as NormalDomainUnit.owners; absent when the manifest does not manage them. */
  owners?: string[];
}

/** DomainUnit (identity: domain + path). */
export interface NormalDomainUnit {
  description?: string;
  /** `user:<identifier>` / `group:<name>`, sorted (a set); absent when the manifest does not manage owners. */
  owners?: string[];
}

/**
 * AccountAssociation (identity: domain + account). `status` is part of the value because the
 * desired state is an association in force: one left ASSOCIATING (an external account's invitation
 * not yet accepted, e.g. after a crash) is drift that apply must finish.
 */
export interface NormalAccountAssociation {
  access: 'portal' | 'api';
  status: 'ASSOCIATED' | 'ASSOCIATING';
}

/** BlueprintConfiguration (identity: domain + account + blueprint). `globalParameters` is write-only: never here. */
export interface NormalBlueprintConfiguration {
  enabledRegions: string[];
  provisioningRole?: string;
  manageAccessRole?: string;
  permissionBoundary?: string;
  regionalParameters?: Record<string, Record<string, string>>;
}

/** AccountPool (identity: domain + name). */
export interface NormalAccountPool {
  description?: string;
  resolutionStrategy: string;
  accounts?: { id: string; name?: string; regions: string[] }[];
  customHandler?: { lambdaFunctionArn: string; lambdaExecutionRoleArn?: string };
}

/** A profile environment's target: exactly one form is set. */
export interface NormalTarget {
  accountPools?: string[];
  account?: string;
  region?: string;
  allAssociatedAccounts?: true;
}

/** ProjectProfile (identity: domain + name). */
export interface NormalProjectProfile {
  description?: string;
  status: 'ENABLED' | 'DISABLED';
  domainUnit?: string;
  allowCustomProjectResourceTags: boolean;
  projectResourceTagsDescription?: string;
  projectResourceTags?: { key: string; value: string; editable: boolean }[];
  environments?: {
    name: string;
    description?: string;
    blueprint: string;
    deploymentMode: 'ON_CREATE' | 'ON_DEMAND';
    deploymentOrder?: number;
    target: NormalTarget;
    parameters?: { name: string; value?: string; editable: boolean }[];
  }[];
}

/** Project (identity: domain + name). `profile` and targets are immutable. */
export interface NormalProject {
  description?: string;
  profile: string;
  domainUnit?: string;
  /** Resolved account and region per environment that needed a choice, by environment name. */
  environments?: {
    name: string;
    target?: { account: string; region: string };
    parameters?: Record<string, string>;
  }[];
  resourceTags?: Record<string, string>;
  /** `user:<identifier>` or `group:<identifier>`, with the designation. */
  members?: { member: string; designation: string }[];
}

/** StudioDomain (identity: name + region). Auth mode, VPC and KMS key are immutable. */
export interface NormalStudioDomain {
  authMode: string;
  vpcId?: string;
  subnetIds?: string[];
  appNetworkAccessType: string;
  kmsKeyId?: string;
  /** UserSettings in normal form (model/studio-settings.ts): camelCase, sets sorted, defaults left out. */
  defaultUserSettings?: { executionRole?: string; securityGroups?: string[]; [member: string]: unknown };
  /** DomainSettings in normal form. */
  domainSettings?: { [member: string]: unknown };
  /** DefaultSpaceSettings in normal form. */
  defaultSpaceSettings?: { [member: string]: unknown };
  /** TagPropagation; DISABLED (the API default) is left out. */
  tagPropagation?: string;
  tags?: Record<string, string>;
}

/** StudioUserProfile (identity: Studio domain name + profile name). The SSO user is immutable. */
export interface NormalStudioUserProfile {
  singleSignOnUser?: string;
  /** UserSettings in normal form (model/studio-settings.ts), the profile's overrides only. */
  userSettings?: { executionRole?: string; securityGroups?: string[]; [member: string]: unknown };
  tags?: Record<string, string>;
}

/** Removes `undefined`, empty strings, empty objects and empty arrays, recursively (see the conventions above). */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) {
    // Mapped, so the array is exactly as long as its items: one grown by push from empty keeps
    // room for 17, and normal values are kept for the whole plan (a pool's account regions, tens
    // of thousands of short lists). Filtered only when something was dropped.
    const items = (value as unknown[]).map((item) => compact(item));
    let kept = 0;
    for (let i = 0; i < items.length; i++) if (items[i] !== undefined) kept++;
    if (kept === 0) return undefined as T;
    return (kept === items.length ? items : items.filter((c) => c !== undefined)) as T;
  }
  if (value !== null && typeof value === 'object') {
    // A plain loop: every desired and live value of a 10,000-project plan passes through here.
    const out: Record<string, unknown> = {};
    let kept = 0;
    // Own keys in Object.keys order, walked with for-in: no key array per object compacted.
    for (const k in value) {
      if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
      const c = compact((value as Record<string, unknown>)[k]);
      if (c !== undefined) {
        out[k] = c;
        kept++;
      }
    }
    return (kept > 0 ? out : undefined) as T;
  }
  return (value === '' ? undefined : value) as T;
}

/** Sets `out[key]` to `compact(value)` when something is left of it (a normal value built field by field). */
export function keepCompact(out: Record<string, unknown>, key: string, value: unknown): void {
  const c = compact(value);
  if (c !== undefined) out[key] = c;
}

/** Tags without the AWS-owned keys (`aws:*`, `sagemaker:*`), which the tool never manages. */
export function ownTags(tags: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!tags) return undefined;
  const own = Object.fromEntries(Object.entries(tags).filter(([k]) => !/^(aws|sagemaker):/i.test(k)));
  return Object.keys(own).length > 0 ? own : undefined;
}

/** SSO settings with the API's default (disabled) made explicit; userAssignment only matters when enabled. */
export function normalizeSso(
  sso: { type?: string; userAssignment?: string; idcInstanceArn?: string } | undefined,
) {
  const type = sso?.type ?? 'DISABLED';
  if (type === 'DISABLED') return { type };
  return (
    compact({
      type,
      userAssignment: sso?.userAssignment ?? 'AUTOMATIC',
      idcInstanceArn: sso?.idcInstanceArn,
    }) ?? { type }
  );
}
