/**
 * Changes someone else makes to the cloud while the model campaign runs, through the SDK with
 * other credentials: a declared project's description changed or the project deleted, or the
 * fixed profile set DISABLED (the manifests say ENABLED, so the next plan must re-enable it before
 * it creates a project on it, not refuse the creation), or the fixed profile's region removed from
 * the fixed account's Tooling configuration (changed in the emulator's world, as the account's own
 * administrator would in that account: the next plan must put it back before it deploys there).
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
import { FIXED_BASE_REGIONS, type Desired } from './model-org.js';

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
  fixedAccount: string,
): Promise<void> {
  try {
    if (command.op === 'dropRegion') {
      const dz = dzState(emulator);
      const tooling = new Set(
        Object.values(dz.blueprints ?? {})
          .filter((b) => b.name === 'Tooling')
          .map((b) => b.id),
      );
      for (const c of Object.values(dz.blueprintConfigurations ?? {}))
        if (c.accountId === fixedAccount && tooling.has(c.environmentBlueprintId))
          c.enabledRegions = c.enabledRegions.filter((r) => r !== FIXED_BASE_REGIONS[0]);
      return;
    }
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
