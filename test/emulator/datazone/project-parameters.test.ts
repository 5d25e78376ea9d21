/**
 * What a project may set against its profile, on CreateProject and UpdateProject: parameters
 * the profile locks (`isEditable: false`) or does not define are refused with a
 * ValidationException naming the parameter and the environment configuration; so are a new value
 * for a non-editable profile tag and custom tags when the profile does not allow them.
 */
import {
  CreateProjectCommand,
  CreateProjectProfileCommand,
  UpdateProjectCommand,
  type EnvironmentConfigurationUserParameter,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { blueprintId, createDomain, dataZoneEmulator, expectError, HOME } from './sdk.js';

const emu = dataZoneEmulator();

async function setup(allowCustomProjectResourceTags = false) {
  const dz = emu.dataZone();
  const domain = await createDomain(dz);
  const tooling = await blueprintId(dz, domain.id, 'Tooling');
  const profile = await dz.send(
    new CreateProjectProfileCommand({
      domainIdentifier: domain.id,
      name: 'locked',
      projectResourceTags: [{ key: 'cost-center', value: 'cc1', isValueEditable: false }],
      allowCustomProjectResourceTags,
      environmentConfigurations: [
        {
          name: 'Tooling',
          environmentBlueprintId: tooling,
          awsAccount: { awsAccountId: HOME },
          awsRegion: { regionName: 'us-east-1' },
          deploymentMode: 'ON_DEMAND',
          configurationParameters: {
            parameterOverrides: [
              { name: 'locked', value: 'a', isEditable: false },
              { name: 'open', value: 'b', isEditable: true },
            ],
          },
        },
      ],
    }),
  );
  const params = (name: string, value = 'x'): EnvironmentConfigurationUserParameter[] => [
    { environmentConfigurationName: 'Tooling', environmentParameters: [{ name, value }] },
  ];
  const create = (name: string, extra: Record<string, unknown> = {}) =>
    dz.send(
      new CreateProjectCommand({
        domainIdentifier: domain.id,
        name,
        projectProfileId: profile.id,
        ...extra,
      }),
    );
  return { dz, domain, profile, params, create };
}

describe('profile parameters', () => {
  it('refuses a locked parameter on CreateProject, naming it and its configuration', async () => {
    const { params, create } = await setup();
    const error = await expectError(
      create('p1', { userParameters: params('locked') }),
      'ValidationException',
    );
    expect(error.message).toMatch(/locked/);
    expect(error.message).toMatch(/Tooling/);
  });

  it('refuses a parameter the configuration does not define', async () => {
    const { params, create } = await setup();
    const error = await expectError(
      create('p2', { userParameters: params('nosuch') }),
      'ValidationException',
    );
    expect(error.message).toMatch(/nosuch.*Tooling/);
  });

  it('accepts an editable parameter, and refuses a locked one on UpdateProject', async () => {
    const { dz, domain, params, create } = await setup();
    const project = await create('p3', { userParameters: params('open', 'changed') });
    expect(project.userParameters?.[0]?.environmentParameters).toEqual([{ name: 'open', value: 'changed' }]);
    await expectError(
      dz.send(
        new UpdateProjectCommand({
          domainIdentifier: domain.id,
          identifier: project.id,
          userParameters: params('locked'),
        }),
      ),
      'ValidationException',
    );
  });
});

describe('profile resource tags', () => {
  it('refuses another value for a non-editable profile tag', async () => {
    const { create } = await setup(true);
    const error = await expectError(
      create('t1', { resourceTags: { 'cost-center': 'mine' } }),
      'ValidationException',
    );
    expect(error.message).toMatch(/cost-center/);
  });

  it('refuses custom tags when the profile does not allow them, on create and update', async () => {
    const { dz, domain, create } = await setup(false);
    await expectError(create('t2', { resourceTags: { team: 'x' } }), 'ValidationException');
    const project = await create('t3');
    await expectError(
      dz.send(
        new UpdateProjectCommand({
          domainIdentifier: domain.id,
          identifier: project.id,
          resourceTags: { team: 'x' },
        }),
      ),
      'ValidationException',
    );
  });
});
