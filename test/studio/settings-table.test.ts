/**
 * The Studio settings table (src/model/studio-settings.ts): the API and the manifest spellings
 * normalise to the same value (sets sorted, documented defaults left out, unknown API members
 * dropped), the API form of a manifest value is PascalCase, and an update names only the
 * top-level members that differ, resetting removed ones to the service default and refusing to
 * remove the execution role.
 */
import { describe, expect, it } from 'vitest';
import {
  DOMAIN_SETTINGS,
  STUDIO_SETTING_SETS,
  USER_SETTINGS,
  changedMembers,
  settingsFromApi,
  settingsFromManifest,
  settingsToApi,
} from '../../src/model/studio-settings.js';

const ROLE = 'arn:aws:iam::111122223333:role/Exec';

describe('studio settings table', () => {
  it('normalises both spellings to one value', () => {
    const fromApi = settingsFromApi(
      {
        ExecutionRole: ROLE,
        SecurityGroups: ['sg-2', 'sg-1'],
        SharingSettings: { NotebookOutputOption: 'Disabled' },
        StudioWebPortal: 'ENABLED',
        DefaultLandingUri: 'studio::',
        CanvasAppSettings: { TimeSeriesForecastingSettings: { Status: 'ENABLED' } },
        StudioWebPortalSettings: { HiddenAppTypes: ['JupyterServer', 'CodeEditor'] },
      },
      USER_SETTINGS,
    );
    const fromManifest = settingsFromManifest(
      {
        executionRole: ROLE,
        securityGroups: ['sg-1', 'sg-2'],
        studioWebPortalSettings: { hiddenAppTypes: ['CodeEditor', 'JupyterServer'] },
      },
      USER_SETTINGS,
    );
    expect(fromApi).toEqual({
      executionRole: ROLE,
      securityGroups: ['sg-1', 'sg-2'],
      studioWebPortalSettings: { hiddenAppTypes: ['CodeEditor', 'JupyterServer'] },
    });
    expect(fromManifest).toEqual(fromApi);
  });

  it('writes the API spelling', () => {
    expect(
      settingsToApi(
        { dockerSettings: { enableDockerAccess: 'DISABLED', vpcOnlyTrustedAccounts: ['1'] } },
        DOMAIN_SETTINGS,
      ),
    ).toEqual({ DockerSettings: { EnableDockerAccess: 'DISABLED', VpcOnlyTrustedAccounts: ['1'] } });
  });

  it('updates only differing members, resetting removed ones', () => {
    const live = {
      executionRole: ROLE,
      sharingSettings: { notebookOutputOption: 'Allowed', s3OutputPath: 's3://b/out' },
      studioWebPortal: 'DISABLED',
      securityGroups: ['sg-1'],
    };
    expect(changedMembers({ executionRole: ROLE, securityGroups: ['sg-1'] }, live, USER_SETTINGS)).toEqual({
      update: { SharingSettings: { NotebookOutputOption: 'Disabled' }, StudioWebPortal: 'ENABLED' },
      unremovable: [],
    });
    expect(changedMembers({}, { executionRole: ROLE }, USER_SETTINGS)).toEqual({
      update: {},
      unremovable: ['executionRole'],
    });
  });

  it('lists every set path for the diff rules', () => {
    expect(STUDIO_SETTING_SETS).toMatchObject({
      '/defaultUserSettings/studioWebPortalSettings/hiddenAppTypes': { kind: 'set' },
      '/defaultUserSettings/jupyterLabAppSettings/lifecycleConfigArns': { kind: 'set' },
      '/domainSettings/dockerSettings/vpcOnlyTrustedAccounts': { kind: 'set' },
      '/defaultSpaceSettings/securityGroups': { kind: 'set' },
    });
  });
});
