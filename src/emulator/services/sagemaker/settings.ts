/**
 * A Studio domain's configuration: how CreateDomain input becomes one, how UpdateDomain changes
 * it, and the cross-member rules the model cannot express. Those rules are inferred from the
 * API documentation (reference §11) and answered with SageMaker's unmodelled ValidationException
 * (HTTP 400), as the real service does for semantic input errors.
 */
import { EmulatorServiceError } from '../../types.js';
import type { StudioDomainConfig } from './state.js';

/** An unmodelled SageMaker ValidationException (status 400). */
export function validationError(message: string): EmulatorServiceError {
  return new EmulatorServiceError('ValidationException', message, 400);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The configuration a CreateDomain input describes, with SageMaker's top-level defaults filled in. */
export function configFromCreate(input: Record<string, unknown>): StudioDomainConfig {
  const kms = text(input.KmsKeyId);
  const homeKms = text(input.HomeEfsFileSystemKmsKeyId);
  // HomeEfsFileSystemKmsKeyId is the deprecated name of KmsKeyId: one key, reported under both.
  if (kms !== undefined && homeKms !== undefined && kms !== homeKms) {
    throw validationError(
      'KmsKeyId and HomeEfsFileSystemKmsKeyId must name the same key when both are given.',
    );
  }
  const config: StudioDomainConfig = {
    DomainName: String(input.DomainName),
    AuthMode: String(input.AuthMode),
    DefaultUserSettings: record(input.DefaultUserSettings) ?? {},
    AppNetworkAccessType: text(input.AppNetworkAccessType) ?? 'PublicInternetOnly',
    HomeEfsFileSystemCreation: text(input.HomeEfsFileSystemCreation) ?? 'Enabled',
    TagPropagation: text(input.TagPropagation) ?? 'DISABLED',
  };
  const domainSettings = record(input.DomainSettings);
  if (domainSettings) config.DomainSettings = domainSettings;
  if (Array.isArray(input.SubnetIds)) config.SubnetIds = input.SubnetIds.map(String);
  if (text(input.VpcId) !== undefined) config.VpcId = text(input.VpcId);
  if (kms ?? homeKms) {
    config.KmsKeyId = kms ?? homeKms;
    config.HomeEfsFileSystemKmsKeyId = kms ?? homeKms;
  }
  if (text(input.AppSecurityGroupManagement))
    config.AppSecurityGroupManagement = text(input.AppSecurityGroupManagement);
  const space = record(input.DefaultSpaceSettings);
  if (space) config.DefaultSpaceSettings = space;
  checkNetwork(config);
  return config;
}

/** VpcOnly traffic needs the VPC, its subnets and the users' security groups [inferred]. */
export function checkNetwork(config: StudioDomainConfig): void {
  if (config.AppNetworkAccessType !== 'VpcOnly') return;
  const groups = config.DefaultUserSettings.SecurityGroups;
  if (!config.VpcId || !config.SubnetIds || config.SubnetIds.length === 0) {
    throw validationError('VpcId and SubnetIds are required when AppNetworkAccessType is VpcOnly.');
  }
  if (!Array.isArray(groups) || groups.length === 0) {
    throw validationError(
      'DefaultUserSettings.SecurityGroups is required when AppNetworkAccessType is VpcOnly.',
    );
  }
}

/** Settings objects are updated member by member: a member the update names replaces the old one. */
function merge(
  base: Record<string, unknown> | undefined,
  patch: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  return patch ? { ...(base ?? {}), ...patch } : base;
}

function mergeDomainSettings(
  base: Record<string, unknown> | undefined,
  patch: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!patch) return base;
  const { RStudioServerProDomainSettingsForUpdate: rstudio, ...rest } = patch;
  const merged = { ...(base ?? {}), ...rest };
  const rstudioPatch = record(rstudio);
  if (rstudioPatch) {
    merged.RStudioServerProDomainSettings = {
      ...(record(base?.RStudioServerProDomainSettings) ?? {}),
      ...rstudioPatch,
    };
  }
  return merged;
}

/** True for a domain created by SageMaker Unified Studio (it carries UnifiedStudioSettings). */
function isUnifiedStudioDomain(config: StudioDomainConfig): boolean {
  return record(config.DomainSettings?.UnifiedStudioSettings) !== undefined;
}

/** The configuration after an UpdateDomain input; immutable members have no update member at all. */
export function configAfterUpdate(
  config: StudioDomainConfig,
  input: Record<string, unknown>,
): StudioDomainConfig {
  const next: StudioDomainConfig = { ...config };
  const userSettings = merge(config.DefaultUserSettings, record(input.DefaultUserSettings));
  if (userSettings) next.DefaultUserSettings = userSettings;
  const domainSettings = mergeDomainSettings(config.DomainSettings, record(input.DomainSettingsForUpdate));
  if (domainSettings) next.DomainSettings = domainSettings;
  const space = merge(config.DefaultSpaceSettings, record(input.DefaultSpaceSettings));
  if (space) next.DefaultSpaceSettings = space;
  if (text(input.AppSecurityGroupManagement))
    next.AppSecurityGroupManagement = text(input.AppSecurityGroupManagement);
  if (text(input.TagPropagation)) next.TagPropagation = String(input.TagPropagation);
  if (text(input.AppNetworkAccessType)) next.AppNetworkAccessType = String(input.AppNetworkAccessType);
  if (Array.isArray(input.SubnetIds)) next.SubnetIds = input.SubnetIds.map(String);
  const efs = text(input.HomeEfsFileSystemCreation);
  if (efs !== undefined) {
    if (config.HomeEfsFileSystemCreation === 'Enabled' && efs === 'Disabled') {
      throw validationError('HomeEfsFileSystemCreation cannot be changed from Enabled to Disabled.');
    }
    next.HomeEfsFileSystemCreation = efs;
  }
  const vpc = text(input.VpcId);
  if (vpc !== undefined && vpc !== config.VpcId) {
    // The VPC is immutable, except that a Unified Studio domain created without one may get one.
    if (config.VpcId !== undefined || !isUnifiedStudioDomain(config)) {
      throw validationError('VpcId can only be added to a SageMaker Unified Studio domain that has no VPC.');
    }
    next.VpcId = vpc;
  }
  checkNetwork(next);
  return next;
}
