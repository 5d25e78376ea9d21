/**
 * The inverse of the desired-side normalisation (plan/normalize-desired.ts) for the domain and the
 * kinds that need no name resolution across documents: domain units, account associations,
 * blueprint configurations and account pools. Each takes the normalised live value and writes
 * the manifest that normalises back to it.
 */
import type {
  NormalAccountAssociation,
  NormalAccountPool,
  NormalBlueprintConfiguration,
  NormalDomain,
  NormalDomainUnit,
} from '../model/normalized.js';
import { ownerOfLabel } from '../model/owners.js';
import { compare, envelope, sortedMap, type ExportedDocument } from './document.js';

/**
 * The Domain manifest, with a commented ownership policy (it is the repository's choice, not AWS
 * state). Its `owners` (the root unit's) are written as a unit's are: without the tool's own.
 */
export function domainDocument(
  name: string,
  region: string,
  account: string | undefined,
  normal: NormalDomain,
  callerArn = '',
): ExportedDocument {
  const sso = normal.singleSignOn;
  const owners = exportedOwners(normal.owners, callerArn);
  return envelope(
    'Domain',
    name,
    undefined,
    {
      region,
      account: account || undefined,
      description: normal.description,
      executionRole: normal.executionRole,
      serviceRole: normal.serviceRole,
      kmsKey: normal.kmsKey,
      // DISABLED is the default: writing it would only add noise.
      singleSignOn:
        sso.type === 'DISABLED'
          ? undefined
          : { type: sso.type, userAssignment: sso.userAssignment, idcInstanceArn: sso.idcInstanceArn },
      owners,
      tags: sortedMap(normal.tags),
    },
    [
      '  # reconcile:                     # ownership policy (DESIGN §4); not stored in AWS, so not exported.',
      '  #   prune: [AccountPool, ProjectProfile]   # kinds this repository owns completely',
      '  #   protect: ["ProjectProfile/*"]          # addresses never deleted or replaced',
      '  #   maxDeletes: 5',
    ],
  );
}

/**
 * A DomainUnit manifest (the path is the name). Owners are written without the tool's own
 * ownership (`callerArn`), which the plan ignores unless declared; a unit that only the tool owns
 * gets no `owners` (absent = not managed), since an empty list is refused.
 */
export function domainUnitDocument(
  domain: string,
  path: string,
  normal: NormalDomainUnit,
  callerArn = '',
): ExportedDocument {
  return envelope('DomainUnit', path, domain, {
    description: normal.description,
    owners: exportedOwners(normal.owners, callerArn),
  });
}

/** Live owners in manifest form, the tool's own left out; undefined (not managed) when none is left. */
function exportedOwners(live: readonly string[] | undefined, callerArn: string) {
  const owners = (live ?? []).filter((o) => o !== `user:${callerArn}`);
  return owners.length > 0 ? owners.map(ownerOfLabel) : undefined;
}

/**
 * An AccountAssociation manifest. The role the tool assumes in the account is configuration, not
 * AWS state: written when the export reached the account through it (`roleArn`), else left as a
 * comment to fill in (without it, that account's blueprint configurations are neither read nor
 * managed).
 */
export function accountAssociationDocument(
  domain: string,
  account: string,
  normal: NormalAccountAssociation,
  accountName: string | undefined,
  roleArn?: string,
): ExportedDocument {
  const spec = { accountName, access: normal.access, assumeRoleArn: roleArn };
  if (roleArn) return envelope('AccountAssociation', account, domain, spec);
  return envelope('AccountAssociation', account, domain, spec, [
    `  # assumeRoleArn: arn:aws:iam::${account}:role/SmusGitOpsDeployer`,
    '  #   ^ not readable from AWS: the role the tool assumes in this account to manage its blueprint',
    '  #     configurations (and to accept the share when the account is outside the organisation)',
  ]);
}

/** A BlueprintConfiguration manifest; `spec.account` only when it is not the domain's account. */
export function blueprintConfigurationDocument(
  domain: string,
  blueprint: string,
  account: string | undefined,
  domainAccount: string | undefined,
  normal: NormalBlueprintConfiguration,
): ExportedDocument {
  const regional = normal.regionalParameters
    ? Object.fromEntries(
        Object.entries(normal.regionalParameters)
          .sort(([a], [b]) => compare(a, b))
          .map(([region, parameters]) => [region, sortedMap(parameters)]),
      )
    : undefined;
  return envelope(
    'BlueprintConfiguration',
    blueprint,
    domain,
    {
      account: account && account !== domainAccount ? account : undefined,
      enabledRegions: [...normal.enabledRegions].sort(compare),
      provisioningRole: normal.provisioningRole,
      manageAccessRole: normal.manageAccessRole,
      permissionBoundary: normal.permissionBoundary,
      regionalParameters: regional,
    },
    ['  # globalParameters: {}          # write-only in the API: never readable, so not exported'],
    account,
  );
}

/** An AccountPool manifest. */
export function accountPoolDocument(
  domain: string,
  name: string,
  normal: NormalAccountPool,
): ExportedDocument {
  return envelope('AccountPool', name, domain, {
    description: normal.description,
    resolutionStrategy: normal.resolutionStrategy,
    accounts: normal.accounts
      ?.map((a) => ({ id: a.id, name: a.name, regions: [...a.regions].sort(compare) }))
      .sort((a, b) => compare(a.id, b.id)),
    customHandler: normal.customHandler && {
      lambdaFunctionArn: normal.customHandler.lambdaFunctionArn,
      lambdaExecutionRoleArn: normal.customHandler.lambdaExecutionRoleArn,
    },
  });
}
