/**
 * The settings of a Studio domain that a security or platform team decides (issue 16):
 * `defaultUserSettings`, `domainSettings` and `defaultSpaceSettings`, described once as a table
 * of shapes that mirror the SageMaker service model (UserSettings, DomainSettings,
 * DefaultSpaceSettings). The manifest spells members in camelCase, the API in PascalCase; one
 * table drives the translation both ways, the normal form (lists that the API treats as sets
 * sorted, documented service defaults left out), and what an update sends to reset a member the
 * manifest no longer declares. Pure: no calls.
 */

/** The shape of one settings value. */
export type SettingShape =
  | { kind: 'scalar'; default?: string | number | boolean }
  | { kind: 'set' }
  | { kind: 'list'; item: SettingShape }
  | { kind: 'struct'; members: Readonly<Record<string, SettingMember>> };

/** One member of a struct: its API (PascalCase) name and shape. */
export interface SettingMember {
  api: string;
  shape: SettingShape;
}

/** A settings object in the manifest's (and the normal form's) camelCase spelling. */
export type StudioSettings = { [member: string]: unknown };

const scalar = (d?: string | number | boolean): SettingShape =>
  d === undefined ? { kind: 'scalar' } : { kind: 'scalar', default: d };
const set: SettingShape = { kind: 'set' };
const struct = (members: Record<string, SettingMember>): SettingShape => ({ kind: 'struct', members });
const m = (api: string, shape: SettingShape): SettingMember => ({ api, shape });

const resourceSpec = struct({
  sageMakerImageArn: m('SageMakerImageArn', scalar()),
  sageMakerImageVersionArn: m('SageMakerImageVersionArn', scalar()),
  sageMakerImageVersionAlias: m('SageMakerImageVersionAlias', scalar()),
  instanceType: m('InstanceType', scalar()),
  lifecycleConfigArn: m('LifecycleConfigArn', scalar()),
});

const customImages: SettingShape = {
  kind: 'list',
  item: struct({
    imageName: m('ImageName', scalar()),
    imageVersionNumber: m('ImageVersionNumber', scalar()),
    appImageConfigName: m('AppImageConfigName', scalar()),
  }),
};

const appLifecycleManagement = struct({
  idleSettings: m(
    'IdleSettings',
    struct({
      lifecycleManagement: m('LifecycleManagement', scalar()),
      idleTimeoutInMinutes: m('IdleTimeoutInMinutes', scalar()),
      minIdleTimeoutInMinutes: m('MinIdleTimeoutInMinutes', scalar()),
      maxIdleTimeoutInMinutes: m('MaxIdleTimeoutInMinutes', scalar()),
    }),
  ),
});

const jupyterLab = struct({
  defaultResourceSpec: m('DefaultResourceSpec', resourceSpec),
  customImages: m('CustomImages', customImages),
  lifecycleConfigArns: m('LifecycleConfigArns', set),
  appLifecycleManagement: m('AppLifecycleManagement', appLifecycleManagement),
  builtInLifecycleConfigArn: m('BuiltInLifecycleConfigArn', scalar()),
});

const codeEditor = jupyterLab;

const kernelGateway = struct({
  defaultResourceSpec: m('DefaultResourceSpec', resourceSpec),
  customImages: m('CustomImages', customImages),
  lifecycleConfigArns: m('LifecycleConfigArns', set),
});

const jupyterServer = struct({
  defaultResourceSpec: m('DefaultResourceSpec', resourceSpec),
  lifecycleConfigArns: m('LifecycleConfigArns', set),
});

const spaceStorage = struct({
  defaultEbsStorageSettings: m(
    'DefaultEbsStorageSettings',
    struct({
      defaultEbsVolumeSizeInGb: m('DefaultEbsVolumeSizeInGb', scalar()),
      maximumEbsVolumeSizeInGb: m('MaximumEbsVolumeSizeInGb', scalar()),
    }),
  ),
});

/** DefaultUserSettings (model shape UserSettings). */
export const USER_SETTINGS: Readonly<Record<string, SettingMember>> = {
  executionRole: m('ExecutionRole', scalar()),
  securityGroups: m('SecurityGroups', set),
  sharingSettings: m(
    'SharingSettings',
    struct({
      // Disabled is the API's default: notebook outputs are not shared unless a team decides so.
      notebookOutputOption: m('NotebookOutputOption', scalar('Disabled')),
      s3OutputPath: m('S3OutputPath', scalar()),
      s3KmsKeyId: m('S3KmsKeyId', scalar()),
    }),
  ),
  studioWebPortal: m('StudioWebPortal', scalar('ENABLED')),
  studioWebPortalSettings: m(
    'StudioWebPortalSettings',
    struct({
      hiddenMlTools: m('HiddenMlTools', set),
      hiddenAppTypes: m('HiddenAppTypes', set),
      hiddenInstanceTypes: m('HiddenInstanceTypes', set),
    }),
  ),
  defaultLandingUri: m('DefaultLandingUri', scalar('studio::')),
  jupyterLabAppSettings: m('JupyterLabAppSettings', jupyterLab),
  codeEditorAppSettings: m('CodeEditorAppSettings', codeEditor),
  jupyterServerAppSettings: m('JupyterServerAppSettings', jupyterServer),
  kernelGatewayAppSettings: m('KernelGatewayAppSettings', kernelGateway),
  rStudioServerProAppSettings: m(
    'RStudioServerProAppSettings',
    struct({ accessStatus: m('AccessStatus', scalar()), userGroup: m('UserGroup', scalar()) }),
  ),
  spaceStorageSettings: m('SpaceStorageSettings', spaceStorage),
  autoMountHomeEFS: m('AutoMountHomeEFS', scalar()),
};

/** DomainSettings (read and create) / DomainSettingsForUpdate (see domainSettingsForUpdate). */
export const DOMAIN_SETTINGS: Readonly<Record<string, SettingMember>> = {
  securityGroupIds: m('SecurityGroupIds', set),
  dockerSettings: m(
    'DockerSettings',
    struct({
      // Docker is off unless a team turns it on (the API's default).
      enableDockerAccess: m('EnableDockerAccess', scalar('DISABLED')),
      vpcOnlyTrustedAccounts: m('VpcOnlyTrustedAccounts', set),
    }),
  ),
  rStudioServerProDomainSettings: m(
    'RStudioServerProDomainSettings',
    struct({
      domainExecutionRoleArn: m('DomainExecutionRoleArn', scalar()),
      rStudioConnectUrl: m('RStudioConnectUrl', scalar()),
      rStudioPackageManagerUrl: m('RStudioPackageManagerUrl', scalar()),
      defaultResourceSpec: m('DefaultResourceSpec', resourceSpec),
    }),
  ),
  // DISABLED (no source identity) is the API's default, so removing the member resets to it.
  executionRoleIdentityConfig: m('ExecutionRoleIdentityConfig', scalar('DISABLED')),
};

/** DefaultSpaceSettings. */
export const SPACE_SETTINGS: Readonly<Record<string, SettingMember>> = {
  executionRole: m('ExecutionRole', scalar()),
  securityGroups: m('SecurityGroups', set),
  jupyterServerAppSettings: m('JupyterServerAppSettings', jupyterServer),
  kernelGatewayAppSettings: m('KernelGatewayAppSettings', kernelGateway),
  jupyterLabAppSettings: m('JupyterLabAppSettings', jupyterLab),
  spaceStorageSettings: m('SpaceStorageSettings', spaceStorage),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function compareJson(a: unknown, b: unknown): number {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Converts one value between spellings. `from: 'api'` reads PascalCase (unknown members, which
 * the tool does not manage, are left out); `from: 'manifest'` writes PascalCase. With
 * `normal`, the result is in normal form: sets sorted, lists of structs in a canonical order,
 * documented defaults dropped (so an undeclared member and the service's default compare equal).
 */
function convert(value: unknown, shape: SettingShape, from: 'api' | 'manifest', normal: boolean): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.kind) {
    case 'scalar':
      return normal && shape.default !== undefined && value === shape.default ? undefined : value;
    case 'set': {
      if (!Array.isArray(value)) return undefined;
      const items = value.map(String);
      if (!normal) return items;
      const sorted = [...new Set(items)].sort();
      return sorted.length > 0 ? sorted : undefined;
    }
    case 'list': {
      if (!Array.isArray(value)) return undefined;
      const items = value.map((v) => convert(v, shape.item, from, normal)).filter((v) => v !== undefined);
      if (!normal) return items;
      // Custom images are matched by content, not position: the API keeps no meaningful order.
      return items.length > 0 ? items.sort(compareJson) : undefined;
    }
    case 'struct':
      return convertStruct(value, shape.members, from, normal);
    default:
      return assertNever(shape);
  }
}

function convertStruct(
  value: unknown,
  members: Readonly<Record<string, SettingMember>>,
  from: 'api' | 'manifest',
  normal: boolean,
): StudioSettings | undefined {
  if (!isRecord(value)) return undefined;
  const out: StudioSettings = {};
  for (const [camel, member] of Object.entries(members)) {
    const [source, target] = from === 'api' ? [member.api, camel] : [camel, member.api];
    // Normal form is always camelCase: only the translation to the API renames.
    const key = normal ? camel : target;
    const converted = convert(value[source], member.shape, from, normal);
    if (converted !== undefined) out[key] = converted;
  }
  return normal && Object.keys(out).length === 0 ? undefined : out;
}

function assertNever(value: never): never {
  throw new Error(`unexpected setting shape ${JSON.stringify(value)}`);
}

/** The normal form of settings read from the API (PascalCase), or undefined when nothing managed is set. */
export function settingsFromApi(
  value: unknown,
  members: Readonly<Record<string, SettingMember>>,
): StudioSettings | undefined {
  return convertStruct(value, members, 'api', true);
}

/** The normal form of settings declared in a manifest (camelCase). */
export function settingsFromManifest(
  value: unknown,
  members: Readonly<Record<string, SettingMember>>,
): StudioSettings | undefined {
  return convertStruct(value, members, 'manifest', true);
}

/** The API (PascalCase) form of settings in normal or manifest form, for a create or update request. */
export function settingsToApi(
  value: StudioSettings | undefined,
  members: Readonly<Record<string, SettingMember>>,
): Record<string, unknown> | undefined {
  return value === undefined ? undefined : convertStruct(value, members, 'manifest', false);
}

/**
 * The API value that resets a top-level member the manifest no longer declares, or undefined
 * when the member cannot be reset (the API has no way to unset it, e.g. the execution role).
 * UpdateDomain replaces each member it names, so the documented default (or an empty structure
 * or list) is what "undeclared" means on the service.
 */
export function resetValue(member: SettingMember): unknown {
  const shape = member.shape;
  switch (shape.kind) {
    case 'scalar':
      return shape.default;
    case 'set':
    case 'list':
      return [];
    case 'struct': {
      const out: Record<string, unknown> = {};
      for (const inner of Object.values(shape.members)) {
        if (inner.shape.kind === 'scalar' && inner.shape.default !== undefined)
          out[inner.api] = inner.shape.default;
      }
      return out;
    }
    default:
      return assertNever(shape);
  }
}

/**
 * The top-level members whose normal values differ, as API members (PascalCase) to send in an
 * update: the declared value, or the reset value of a member no longer declared. Throws a
 * message (the caller wraps it) for a member that cannot be removed.
 */
export function changedMembers(
  desired: StudioSettings | undefined,
  live: StudioSettings | undefined,
  members: Readonly<Record<string, SettingMember>>,
): { update: Record<string, unknown>; unremovable: string[] } {
  const update: Record<string, unknown> = {};
  const unremovable: string[] = [];
  for (const [camel, member] of Object.entries(members)) {
    const want = desired?.[camel];
    const have = live?.[camel];
    // Compared in normal form, so a set in another order or a spelled-out default is no change.
    const same =
      JSON.stringify(convert(want, member.shape, 'manifest', true)) ===
      JSON.stringify(convert(have, member.shape, 'manifest', true));
    if (same) continue;
    if (want === undefined) {
      const reset = resetValue(member);
      if (reset === undefined) unremovable.push(camel);
      else update[member.api] = reset;
      continue;
    }
    update[member.api] = convert(want, member.shape, 'manifest', false);
  }
  return { update, unremovable };
}

function setPaths(
  prefix: string,
  members: Readonly<Record<string, SettingMember>>,
  out: Record<string, { kind: 'set' }>,
) {
  for (const [camel, member] of Object.entries(members)) {
    const path = `${prefix}/${camel}`;
    if (member.shape.kind === 'set') out[path] = { kind: 'set' };
    else if (member.shape.kind === 'struct') setPaths(path, member.shape.members, out);
  }
}

/** Diff rules (plan/kinds.ts) for every list the API treats as a set, under the three settings objects. */
export const STUDIO_SETTING_SETS: Readonly<Record<string, { kind: 'set' }>> = (() => {
  const out: Record<string, { kind: 'set' }> = {};
  setPaths('/defaultUserSettings', USER_SETTINGS, out);
  setPaths('/domainSettings', DOMAIN_SETTINGS, out);
  setPaths('/defaultSpaceSettings', SPACE_SETTINGS, out);
  return out;
})();

/** Diff rules for the set-valued members of a user profile's `userSettings` (StudioUserProfile). */
export const PROFILE_SETTING_SETS: Readonly<Record<string, { kind: 'set' }>> = (() => {
  const out: Record<string, { kind: 'set' }> = {};
  setPaths('/userSettings', USER_SETTINGS, out);
  return out;
})();
