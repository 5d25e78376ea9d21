/**
 * Changes someone else makes to the cloud while the model campaign runs, through the SDK with
 * other credentials: a declared project's description changed or the project deleted, or the
 * fixed profile set DISABLED (the manifests say ENABLED, so the next plan must re-enable it before
 * it creates a project on it, not refuse the creation).
 */
import {
  DeleteProjectCommand,
  UpdateProjectCommand,
  UpdateProjectProfileCommand,
} from '@aws-sdk/client-datazone';
import type { DataZoneClient } from '@aws-sdk/client-datazone';
import type { RunningEmulator } from '../../../src/emulator/server.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';
import type { ModelCommand } from './model-commands.js';
import type { Desired } from './model-org.js';

function dzState(emulator: RunningEmulator): Partial<DataZoneState> {
  return (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
}

/** Live (not deleting) projects, with ids. */
export function liveProjects(emulator: RunningEmulator): { id: string; domainId: string; name: string }[] {
  return Object.values(dzState(emulator).projects ?? {})
    .filter((p) => p.deletingSince === undefined)
    .map((p) => ({ id: p.id, domainId: p.domainId, name: p.name }));
}

/** Runs one out-of-band change (an injected fault may refuse it, or commit it and then fail). */
export async function outOfBand(
  oob: DataZoneClient,
  emulator: RunningEmulator,
  desired: Desired,
  command: Extract<ModelCommand, { t: 'outOfBand' }>,
): Promise<void> {
  try {
    if (command.op === 'disableProfile') {
      const profile = Object.values(dzState(emulator).projectProfiles ?? {}).find((p) => p.name === 'fixed');
      if (profile)
        await oob.send(
          new UpdateProjectProfileCommand({
            domainIdentifier: profile.domainId,
            identifier: profile.id,
            status: 'DISABLED',
          }),
        );
      return;
    }
    const live = liveProjects(emulator).filter((p) => desired.projects.some((q) => q.name === p.name));
    const target = live[command.i % Math.max(1, live.length)];
    if (!target) return;
    if (command.op === 'describe')
      await oob.send(
        new UpdateProjectCommand({
          domainIdentifier: target.domainId,
          identifier: target.id,
          description: `changed by someone else ${command.i}`,
        }),
      );
    else
      await oob.send(new DeleteProjectCommand({ domainIdentifier: target.domainId, identifier: target.id }));
  } catch {
    // Whether a saved plan went stale is judged from the projects themselves (see projectStates).
  }
}
