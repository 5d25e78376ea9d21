/**
 * Every domain-scoped DataZone operation, called with a domain that does not exist, through the
 * real SDK client: operations that model ResourceNotFoundException answer it; the others answer
 * AccessDeniedException ("User is not permitted to perform operation"), as DataZone does when
 * it cannot tell a missing domain from a forbidden one.
 */
import * as dz from '@aws-sdk/client-datazone';
import { describe, it } from 'vitest';
import { dataZoneEmulator, expectError } from './sdk.js';

const emu = dataZoneEmulator();
const D = { domainIdentifier: 'dzd_missing0000000' };
const MEMBER = { userIdentifier: 'arn:aws:iam::111122223333:role/x' };

// [command, expected error] — the input carries the missing domain and minimal required members.
const CASES: [object, string][] = [
  [new dz.GetDomainUnitCommand({ ...D, identifier: 'u' }), 'ResourceNotFoundException'],
  [new dz.UpdateDomainUnitCommand({ ...D, identifier: 'u', name: 'n' }), 'ResourceNotFoundException'],
  [new dz.DeleteDomainUnitCommand({ ...D, identifier: 'u' }), 'ResourceNotFoundException'],
  [
    new dz.CreateDomainUnitCommand({ ...D, name: 'n', parentDomainUnitIdentifier: 'u' }),
    'AccessDeniedException',
  ],
  [
    new dz.ListDomainUnitsForParentCommand({ ...D, parentDomainUnitIdentifier: 'u' }),
    'AccessDeniedException',
  ],
  [
    new dz.CreateAccountPoolCommand({
      ...D,
      name: 'n',
      resolutionStrategy: 'MANUAL',
      accountSource: {
        customAccountPoolHandler: { lambdaFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:f' },
      },
    }),
    'ResourceNotFoundException',
  ],
  [new dz.GetAccountPoolCommand({ ...D, identifier: 'p' }), 'ResourceNotFoundException'],
  [new dz.UpdateAccountPoolCommand({ ...D, identifier: 'p', name: 'n' }), 'ResourceNotFoundException'],
  [new dz.DeleteAccountPoolCommand({ ...D, identifier: 'p' }), 'ResourceNotFoundException'],
  [new dz.ListAccountPoolsCommand(D), 'AccessDeniedException'],
  [new dz.ListAccountsInAccountPoolCommand({ ...D, identifier: 'p' }), 'ResourceNotFoundException'],
  [new dz.CreateProjectProfileCommand({ ...D, name: 'n' }), 'ResourceNotFoundException'],
  [new dz.GetProjectProfileCommand({ ...D, identifier: 'p' }), 'ResourceNotFoundException'],
  [new dz.UpdateProjectProfileCommand({ ...D, identifier: 'p', name: 'n' }), 'ResourceNotFoundException'],
  [new dz.DeleteProjectProfileCommand({ ...D, identifier: 'p' }), 'ResourceNotFoundException'],
  [new dz.ListProjectProfilesCommand(D), 'AccessDeniedException'],
  [new dz.CreateProjectCommand({ ...D, name: 'n' }), 'ResourceNotFoundException'],
  [new dz.GetProjectCommand({ ...D, identifier: 'p' }), 'ResourceNotFoundException'],
  [new dz.UpdateProjectCommand({ ...D, identifier: 'p', name: 'n' }), 'ResourceNotFoundException'],
  [new dz.DeleteProjectCommand({ ...D, identifier: 'p' }), 'ResourceNotFoundException'],
  [new dz.ListProjectsCommand(D), 'AccessDeniedException'],
  [
    new dz.CreateProjectMembershipCommand({
      ...D,
      projectIdentifier: 'p',
      member: MEMBER,
      designation: 'PROJECT_OWNER',
    }),
    'ResourceNotFoundException',
  ],
  [
    new dz.DeleteProjectMembershipCommand({ ...D, projectIdentifier: 'p', member: MEMBER }),
    'ResourceNotFoundException',
  ],
  [new dz.ListProjectMembershipsCommand({ ...D, projectIdentifier: 'p' }), 'ResourceNotFoundException'],
  [new dz.GetGroupProfileCommand({ ...D, groupIdentifier: 'g' }), 'ResourceNotFoundException'],
  [new dz.GetEnvironmentBlueprintCommand({ ...D, identifier: 'b' }), 'ResourceNotFoundException'],
  [
    new dz.GetEnvironmentBlueprintConfigurationCommand({ ...D, environmentBlueprintIdentifier: 'b' }),
    'ResourceNotFoundException',
  ],
  [
    new dz.DeleteEnvironmentBlueprintConfigurationCommand({ ...D, environmentBlueprintIdentifier: 'b' }),
    'AccessDeniedException',
  ],
  [
    new dz.PutEnvironmentBlueprintConfigurationCommand({
      ...D,
      environmentBlueprintIdentifier: 'b',
      enabledRegions: [],
    }),
    'ResourceNotFoundException',
  ],
  [new dz.DeleteDomainCommand({ identifier: D.domainIdentifier }), 'ResourceNotFoundException'],
];

describe('a missing domain', () => {
  it.each(CASES.map(([command, expected]) => [command.constructor.name, command, expected] as const))(
    '%s answers the modelled error',
    async (_name, command, expected) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one client sends every command of the table
      await expectError(emu.dataZone().send(command as any), expected);
    },
  );
});
