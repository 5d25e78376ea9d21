/**
 * Studio user profiles in the emulator, through the real SageMaker client (issue 16): create,
 * describe, update (UserSettings member by member), list (per domain, paginated) and delete; the
 * name is unique per domain; a missing domain or profile is ResourceNotFound; an SSO domain
 * requires the single sign-on identity and an IAM domain refuses one; the model's constraints
 * (the UserSettings shapes) are checked before anything else.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreateDomainCommand,
  CreateUserProfileCommand,
  DeleteUserProfileCommand,
  DescribeUserProfileCommand,
  ListUserProfilesCommand,
  UpdateUserProfileCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { withEmulator } from '../helpers/emulator.js';
import {
  STUDIO_MS,
  domainInput,
  expectServiceError,
  sageMakerEmulatorOptions,
} from '../emulator/sagemaker/fixtures.js';

const emu = withEmulator(sageMakerEmulatorOptions);
let sm: SageMakerClient;
const ROLE = 'arn:aws:iam::111122223333:role/AliceExecution';

beforeEach(async () => {
  await emu.emulator.control.reset();
  sm = emu.sageMaker();
});

async function domain(name: string, authMode: 'IAM' | 'SSO' = 'IAM'): Promise<string> {
  const out = await sm.send(new CreateDomainCommand({ ...domainInput(name), AuthMode: authMode }));
  await emu.emulator.control.advanceClock(STUDIO_MS.create);
  return out.DomainId ?? '';
}

describe('user profiles', () => {
  it('creates, describes, updates member by member, lists and deletes', async () => {
    const id = await domain('users');
    const created = await sm.send(
      new CreateUserProfileCommand({
        DomainId: id,
        UserProfileName: 'alice',
        UserSettings: { ExecutionRole: ROLE, SharingSettings: { NotebookOutputOption: 'Disabled' } },
      }),
    );
    expect(created.UserProfileArn).toBe(`arn:aws:sagemaker:us-east-1:111122223333:user-profile/${id}/alice`);
    await sm.send(new CreateUserProfileCommand({ DomainId: id, UserProfileName: 'bob' }));
    await sm.send(
      new UpdateUserProfileCommand({
        DomainId: id,
        UserProfileName: 'alice',
        UserSettings: { ExecutionRole: 'arn:aws:iam::111122223333:role/Other' },
      }),
    );
    const described = await sm.send(
      new DescribeUserProfileCommand({ DomainId: id, UserProfileName: 'alice' }),
    );
    expect(described).toMatchObject({
      DomainId: id,
      UserProfileName: 'alice',
      Status: 'InService',
      UserSettings: {
        ExecutionRole: 'arn:aws:iam::111122223333:role/Other',
        SharingSettings: { NotebookOutputOption: 'Disabled' },
      },
    });
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await sm.send(
        new ListUserProfilesCommand({ DomainIdEquals: id, MaxResults: 1, NextToken: token }),
      );
      names.push(...(page.UserProfiles ?? []).map((p) => p.UserProfileName ?? ''));
      token = page.NextToken;
    } while (token);
    expect(names).toEqual(['alice', 'bob']);
    await sm.send(new DeleteUserProfileCommand({ DomainId: id, UserProfileName: 'bob' }));
    const left = await sm.send(new ListUserProfilesCommand({ DomainIdEquals: id }));
    expect(left.UserProfiles?.map((p) => p.UserProfileName)).toEqual(['alice']);
  });

  it('answers the modelled errors and the single sign-on rule', async () => {
    const iam = await domain('iam-users');
    const sso = await domain('sso-users', 'SSO');
    await sm.send(new CreateUserProfileCommand({ DomainId: iam, UserProfileName: 'alice' }));
    await expectServiceError(
      sm.send(new CreateUserProfileCommand({ DomainId: iam, UserProfileName: 'alice' })),
      'ResourceInUse',
    );
    await expectServiceError(
      sm.send(new DescribeUserProfileCommand({ DomainId: iam, UserProfileName: 'nobody' })),
      'ResourceNotFound',
    );
    await expectServiceError(
      sm.send(new CreateUserProfileCommand({ DomainId: 'd-unknown00000', UserProfileName: 'x' })),
      'ResourceNotFound',
    );
    await expectServiceError(
      sm.send(
        new CreateUserProfileCommand({
          DomainId: iam,
          UserProfileName: 'carol',
          SingleSignOnUserIdentifier: 'UserName',
          SingleSignOnUserValue: 'carol@example.com',
        }),
      ),
      'ValidationException',
    );
    await expectServiceError(
      sm.send(new CreateUserProfileCommand({ DomainId: sso, UserProfileName: 'dave' })),
      'ValidationException',
    );
    await sm.send(
      new CreateUserProfileCommand({
        DomainId: sso,
        UserProfileName: 'dave',
        SingleSignOnUserIdentifier: 'UserName',
        SingleSignOnUserValue: 'dave@example.com',
      }),
    );
    const dave = await sm.send(new DescribeUserProfileCommand({ DomainId: sso, UserProfileName: 'dave' }));
    expect(dave.SingleSignOnUserValue).toBe('dave@example.com');
    // Model-derived: an enum outside the model is refused before the handler runs.
    await expectServiceError(
      sm.send(
        new UpdateUserProfileCommand({
          DomainId: sso,
          UserProfileName: 'dave',
          UserSettings: { SharingSettings: { NotebookOutputOption: 'Sometimes' as 'Allowed' } },
        }),
      ),
      'ValidationException',
    );
  });
});
