/**
 * The project fault knob (failed deployments, UPDATE_FAILED, DELETE_FAILED) and the redeploy of a
 * failed project through UpdateProject's environmentDeploymentDetails, over the real SDK and the
 * HTTP control endpoint.
 */
import {
  CreateProjectCommand,
  CreateProjectProfileCommand,
  DeleteProjectCommand,
  GetProjectCommand,
  PutEnvironmentBlueprintConfigurationCommand,
  UpdateProjectCommand,
} from '@aws-sdk/client-datazone';
import { afterEach, describe, expect, it } from 'vitest';
import { blueprintId, createDomain, dataZoneEmulator, expectError, HOME } from './sdk.js';

const emu = dataZoneEmulator();
afterEach(() => emu.emulator.control.setProjectFaults({}));

/** A domain whose profile deploys Tooling ON_CREATE into HOME/us-east-1 (enabled unless told). */
async function setup(enabled = true) {
  const dz = emu.dataZone();
  const domain = await createDomain(dz);
  const tooling = await blueprintId(dz, domain.id, 'Tooling');
  const enable = () =>
    dz.send(
      new PutEnvironmentBlueprintConfigurationCommand({
        domainIdentifier: domain.id,
        environmentBlueprintIdentifier: tooling,
        enabledRegions: ['us-east-1'],
        provisioningRoleArn: `arn:aws:iam::${HOME}:role/Provisioning`,
      }),
    );
  if (enabled) await enable();
  const profile = await dz.send(
    new CreateProjectProfileCommand({
      domainIdentifier: domain.id,
      name: 'deploys',
      environmentConfigurations: [
        {
          name: 'Tooling',
          environmentBlueprintId: tooling,
          awsAccount: { awsAccountId: HOME },
          awsRegion: { regionName: 'us-east-1' },
          deploymentMode: 'ON_CREATE',
        },
      ],
    }),
  );
  const create = (name: string) =>
    dz.send(new CreateProjectCommand({ domainIdentifier: domain.id, name, projectProfileId: profile.id }));
  const get = (id: string | undefined) =>
    dz.send(new GetProjectCommand({ domainIdentifier: domain.id, identifier: id }));
  const update = (id: string | undefined, extra: Record<string, unknown> = {}) =>
    dz.send(new UpdateProjectCommand({ domainIdentifier: domain.id, identifier: id, ...extra }));
  return { dz, domain, enable, create, get, update };
}

describe('failed deployments', () => {
  it('fails the next matching deployment only, with a failure reason', async () => {
    const { create, get } = await setup();
    emu.emulator.control.setProjectFaults({
      deployments: [{ projects: ['bad'], status: 'FAILED_DEPLOYMENT', count: 1, message: 'boom' }],
    });
    const bad = await get((await create('bad')).id);
    expect(bad.environmentDeploymentDetails).toEqual({
      overallDeploymentStatus: 'FAILED_DEPLOYMENT',
      environmentFailureReasons: { Tooling: [{ code: 'EmulatorInjectedFailure', message: 'boom' }] },
    });
    const good = await get((await create('good')).id);
    expect(good.environmentDeploymentDetails?.overallDeploymentStatus).toBe('SUCCESSFUL');
    expect(emu.emulator.control.projectFaults().deployments).toEqual([
      { projects: ['bad'], status: 'FAILED_DEPLOYMENT', count: 0, message: 'boom' },
    ]);
  });

  it('redeploys a failed project through UpdateProject environmentDeploymentDetails', async () => {
    const { create, get, update } = await setup();
    emu.emulator.control.setProjectFaults({ deployments: [{ status: 'FAILED_VALIDATION', count: 1 }] });
    const project = await create('p');
    expect((await get(project.id)).environmentDeploymentDetails?.overallDeploymentStatus).toBe(
      'FAILED_VALIDATION',
    );
    // Without the member an update does not redeploy.
    await update(project.id, { description: 'x' });
    expect((await get(project.id)).environmentDeploymentDetails?.overallDeploymentStatus).toBe(
      'FAILED_VALIDATION',
    );
    await update(project.id, { environmentDeploymentDetails: {} });
    expect((await get(project.id)).environmentDeploymentDetails).toEqual({
      overallDeploymentStatus: 'SUCCESSFUL',
    });
  });

  it('a redeploy fails again while the blueprint is still not enabled, and succeeds once it is', async () => {
    const { create, get, update, enable } = await setup(false);
    const project = await create('p');
    expect((await get(project.id)).environmentDeploymentDetails?.overallDeploymentStatus).toBe(
      'FAILED_VALIDATION',
    );
    await update(project.id, { environmentDeploymentDetails: {} });
    expect((await get(project.id)).environmentDeploymentDetails?.overallDeploymentStatus).toBe(
      'FAILED_VALIDATION',
    );
    await enable();
    await update(project.id, { environmentDeploymentDetails: {} });
    expect((await get(project.id)).environmentDeploymentDetails?.overallDeploymentStatus).toBe('SUCCESSFUL');
  });
});

describe('failed project lifecycle', () => {
  it('UPDATE_FAILED after a faulted update, ACTIVE after the next one', async () => {
    const { create, get, update } = await setup();
    const project = await create('p');
    emu.emulator.control.setProjectFaults({
      lifecycle: [{ projects: ['*'], status: 'UPDATE_FAILED', count: 1 }],
    });
    const failed = await update(project.id, { description: 'x' });
    expect(failed.projectStatus).toBe('UPDATE_FAILED');
    expect((await get(project.id)).failureReasons).toEqual([
      { code: 'EmulatorInjectedFailure', message: 'Injected UPDATE_FAILED (emulator fault).' },
    ]);
    await update(project.id, { description: 'y' });
    const after = await get(project.id);
    expect(after.projectStatus).toBe('ACTIVE');
    expect(after.failureReasons).toBeUndefined();
  });

  it('DELETE_FAILED instead of gone; deleting again removes the project', async () => {
    const { domain, dz, create, get } = await setup();
    const project = await create('p');
    emu.emulator.control.setProjectFaults({ lifecycle: [{ status: 'DELETE_FAILED', count: 1 }] });
    const del = () =>
      dz.send(new DeleteProjectCommand({ domainIdentifier: domain.id, identifier: project.id }));
    await del();
    const failed = await get(project.id);
    expect(failed.projectStatus).toBe('DELETE_FAILED');
    expect(failed.failureReasons?.[0]?.code).toBe('EmulatorInjectedFailure');
    await del();
    await expectError(get(project.id), 'ResourceNotFoundException');
  });

  it('is set over HTTP, and a bad spec is refused', async () => {
    const url = `${emu.endpoint}/__emulator/project-faults`;
    const put = (body: unknown) => fetch(url, { method: 'PUT', body: JSON.stringify(body) });
    const ok = await put({ deployments: [{ projects: ['x'], status: 'FAILED_DEPLOYMENT' }] });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      deployments: [{ projects: ['x'], status: 'FAILED_DEPLOYMENT' }],
      lifecycle: [],
    });
    const bad = await put({ deployments: [{ status: 'BROKEN' }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/status must be one of/);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(200);
    expect(emu.emulator.control.projectFaults()).toEqual({ deployments: [], lifecycle: [] });
  });
});
