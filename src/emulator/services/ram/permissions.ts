/**
 * RAM managed permissions. The emulator knows one shareable resource type, `datazone:Domain`,
 * and the AWS-managed permissions documented for it (reference §10). RAM attaches the resource
 * type's default permission to a share that names none for that type, so the effective
 * permissions of a share are derived, not stored.
 */
import { EmulatorServiceError, type CallContext } from '../../types.js';
import { paginate } from '../paginate.js';
import { requireArn } from './arns.js';
import { findVisibleShare } from './lookups.js';
import { associationsOf, ramState, type RamState, type ShareRecord } from './state.js';
import type { EmulatorWorld } from '../../types.js';

/** One AWS-managed permission. */
export interface ManagedPermission {
  arn: string;
  name: string;
  resourceType: string;
  isResourceTypeDefault: boolean;
}

/** The resource type of DataZone domains in RAM. */
export const DATAZONE_DOMAIN_TYPE = 'datazone:Domain';

const PREFIX = 'arn:aws:ram::aws:permission/';

/** The AWS-managed permissions for DataZone domains (names exactly as AWS spells them). */
export const MANAGED_PERMISSIONS: readonly ManagedPermission[] = [
  'AWSRAMDefaultPermissionAmazonDataZoneDomain',
  'AWSRAMPermissionAmazonDataZoneDomainFullAccessWithPortalAccess',
  'AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceAccess',
  'AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceWithPortalAccess',
].map((name, index) => ({
  arn: `${PREFIX}${name}`,
  name,
  resourceType: DATAZONE_DOMAIN_TYPE,
  isResourceTypeDefault: index === 0,
}));

/** A fixed, invented publication instant for the managed permissions (they predate any share). */
const PUBLISHED = new Date(Date.UTC(2023, 10, 1));

/** The RAM resource type of a resource ARN, or undefined for a type the emulator cannot share. */
export function resourceTypeOf(resourceArn: string): string | undefined {
  return /^arn:aws[a-z-]*:datazone:[a-z0-9-]+:\d{12}:domain\/[^/]+$/.test(resourceArn)
    ? DATAZONE_DOMAIN_TYPE
    : undefined;
}

/** Checks `permissionArns` of a create: ARNs, known, at most one per resource type. */
export function checkPermissionArns(permissionArns: readonly string[]): void {
  const types = new Set<string>();
  for (const arn of permissionArns) {
    requireArn(arn, 'permission ARN');
    const permission = MANAGED_PERMISSIONS.find((p) => p.arn === arn);
    if (!permission)
      throw new EmulatorServiceError('UnknownResourceException', `The permission ${arn} does not exist.`);
    if (types.has(permission.resourceType)) {
      throw new EmulatorServiceError(
        'InvalidParameterException',
        `Only one permission per resource type is allowed; ${permission.resourceType} has several.`,
      );
    }
    types.add(permission.resourceType);
  }
}

/** The share's permissions: its explicit ones plus the default of each shared type without one. */
export function effectivePermissions(state: RamState, share: ShareRecord): ManagedPermission[] {
  const explicit = MANAGED_PERMISSIONS.filter((p) => share.permissionArns.includes(p.arn));
  const types = new Set(
    associationsOf(state, share.arn, 'RESOURCE')
      .filter((a) => a.disassociatedAt === undefined)
      .map((a) => resourceTypeOf(a.entity))
      .filter((t): t is string => t !== undefined),
  );
  const defaults = MANAGED_PERMISSIONS.filter(
    (p) =>
      p.isResourceTypeDefault &&
      types.has(p.resourceType) &&
      !explicit.some((e) => e.resourceType === p.resourceType),
  );
  return [...explicit, ...defaults];
}

function summary(permission: ManagedPermission, status: string): Record<string, unknown> {
  return {
    arn: permission.arn,
    version: '1',
    defaultVersion: true,
    name: permission.name,
    resourceType: permission.resourceType,
    status,
    creationTime: PUBLISHED,
    lastUpdatedTime: PUBLISHED,
    isResourceTypeDefault: permission.isResourceTypeDefault,
    permissionType: 'AWS_MANAGED',
    featureSet: 'STANDARD',
  };
}

/** ListPermissions: the managed permissions, optionally of one resource type (case-insensitive). */
export function listPermissions(input: Record<string, unknown>, ctx: CallContext): unknown {
  const resourceType = typeof input.resourceType === 'string' ? input.resourceType : undefined;
  if (resourceType !== undefined && resourceType.toLowerCase() !== DATAZONE_DOMAIN_TYPE.toLowerCase()) {
    throw new EmulatorServiceError(
      'InvalidParameterException',
      `The resource type ${resourceType} is not supported.`,
    );
  }
  const customerOnly = input.permissionType === 'CUSTOMER_MANAGED';
  const items = customerOnly ? [] : MANAGED_PERMISSIONS;
  const page = paginate(items, input, {
    defaultPageSize: ctx.options.defaultPageSize,
    maxPageSize: ctx.options.maxPageSize,
    listingKey: `ram:ListPermissions:${resourceType ?? ''}:${String(input.permissionType ?? 'ALL')}`,
    key: (p) => p.arn,
    invalidTokenCode: 'InvalidNextTokenException',
  });
  return { permissions: page.items.map((p) => summary(p, 'ATTACHABLE')), nextToken: page.nextToken };
}

/** ListResourceSharePermissions: the effective permissions of a share its owner or a principal can see. */
export function listResourceSharePermissions(world: EmulatorWorld) {
  return (input: Record<string, unknown>, ctx: CallContext): unknown => {
    const state = ramState(world);
    const share = findVisibleShare(state, String(input.resourceShareArn), ctx);
    const page = paginate(effectivePermissions(state, share), input, {
      defaultPageSize: ctx.options.defaultPageSize,
      maxPageSize: ctx.options.maxPageSize,
      listingKey: `ram:ListResourceSharePermissions:${share.arn}`,
      key: (p) => p.arn,
      invalidTokenCode: 'InvalidNextTokenException',
    });
    return { permissions: page.items.map((p) => summary(p, 'ASSOCIATED')), nextToken: page.nextToken };
  };
}
