/**
 * SageMaker's slice of the emulator world: Studio domains of each account and region. The
 * configuration is kept under the model's own (PascalCase) member names so DescribeDomain can
 * echo it; instants are epoch milliseconds, and the lifecycle is stored as the instants at which
 * each phase starts and ends (see lifecycle.ts), never as a status that a timer would move.
 */
import type { EmulatorWorld } from '../../types.js';

/** The members of a domain's configuration, as CreateDomain takes and DescribeDomain returns them. */
export interface StudioDomainConfig {
  DomainName: string;
  AuthMode: string;
  DefaultUserSettings: Record<string, unknown>;
  DomainSettings?: Record<string, unknown>;
  SubnetIds?: string[];
  VpcId?: string;
  AppNetworkAccessType: string;
  KmsKeyId?: string;
  HomeEfsFileSystemKmsKeyId?: string;
  AppSecurityGroupManagement?: string;
  HomeEfsFileSystemCreation: string;
  TagPropagation: string;
  DefaultSpaceSettings?: Record<string, unknown>;
}

/** Identifiers SageMaker assigns to a domain and its companions. */
export interface StudioDomainIds {
  DomainId: string;
  DomainArn: string;
  Url: string;
  HomeEfsFileSystemId?: string;
  SecurityGroupIdForDomainBoundary?: string;
  SingleSignOnManagedApplicationInstanceId?: string;
  SingleSignOnApplicationArn?: string;
}

/** One Studio domain with its tags and lifecycle instants. */
export interface StudioDomainRecord {
  accountId: string;
  region: string;
  ids: StudioDomainIds;
  config: StudioDomainConfig;
  /** Tags in insertion order; includes the system tag `sagemaker:domain-arn`. */
  tags: { Key: string; Value: string }[];
  createdAt: number;
  /** Pending until this instant, then InService. */
  inServiceAt: number;
  /** The latest UpdateDomain: Updating from `updateStartedAt` until `updateDoneAt`. */
  updateStartedAt?: number;
  updateDoneAt?: number;
  /** DeleteDomain: Deleting from `deleteStartedAt`, gone (not found) from `deleteDoneAt`. */
  deleteStartedAt?: number;
  deleteDoneAt?: number;
}

/** SageMaker state: Studio domains by DomainId. */
export interface SageMakerState {
  domains: Record<string, StudioDomainRecord>;
}

/** Returns SageMaker's slice of the world, creating it empty on first use (or over the old stub `{}`). */
export function sageMakerState(world: EmulatorWorld): SageMakerState {
  const existing = world.services.sagemaker as Partial<SageMakerState> | undefined;
  if (existing && existing.domains) return existing as SageMakerState;
  const fresh: SageMakerState = { domains: {} };
  world.services.sagemaker = fresh;
  return fresh;
}

/** One user profile of a domain. */
export interface UserProfileRecord {
  DomainId: string;
  UserProfileName: string;
  UserProfileArn: string;
  HomeEfsFileSystemUid: string;
  SingleSignOnUserIdentifier?: string;
  SingleSignOnUserValue?: string;
  UserSettings?: Record<string, unknown>;
  tags: { Key: string; Value: string }[];
  createdAt: number;
  modifiedAt: number;
}

/** The user profiles of every domain, by `${DomainId}/${UserProfileName}`. */
export function userProfiles(world: EmulatorWorld): Record<string, UserProfileRecord> {
  const state = sageMakerState(world) as { userProfiles?: Record<string, UserProfileRecord> };
  state.userProfiles ??= {};
  return state.userProfiles;
}
