/**
 * What an apply did to the situations the model campaign is about, read from the emulator's
 * world before and after it: fixed-profile and regional projects created, the fixed account's
 * Tooling regions changed (with a regional project in the same apply), injected deployment and
 * lifecycle failures appearing and being recovered. Only counted in `exercised`, so a zero in
 * the campaign's verdict means something.
 */
import type { RunningEmulator } from '../../../src/emulator/server.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';
import { exercised, type CampaignCounts } from './counts.js';
import { REGION_X, type Desired } from './model-org.js';
import { HOME_ACCOUNT } from '../../helpers/generate.js';
import { liveEnabledRegions, liveStudios } from './model-oracle.js';

/** One live project's failure marks. */
interface ProjectMarks {
  deployFailed: boolean;
  injected: boolean;
  updateFailed: boolean;
  deleteFailed: boolean;
}

/** The world as the observer keeps it between two reads. */
export interface Snapshot {
  projects: Map<string, ProjectMarks>;
  regions: string[] | undefined;
  /** The generated account's Tooling regions. */
  poolRegions: string[] | undefined;
  /** Live Studio domains (name STUDIO_NAME) by account: count and `stage` tags. */
  studios: Map<string, string>;
  /** The fixed profile's live status. */
  fixedStatus: string | undefined;
}

/** Reads the snapshot (durations are instant: a deleting project is gone unless its delete failed). */
export function snapshot(
  emulator: RunningEmulator,
  domain: string,
  account: string,
  generated: string,
): Snapshot {
  const dz = (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
  const domainId = Object.values(dz.domains ?? {}).find(
    (d) => d.name === domain && d.deletingSince === undefined,
  )?.id;
  const projects = new Map<string, ProjectMarks>();
  for (const p of Object.values(dz.projects ?? {})) {
    if (p.domainId !== domainId || (p.deletingSince !== undefined && !p.deleteFailure)) continue;
    const reasons = Object.values(p.deploymentFailure?.reasons ?? {}).flat();
    projects.set(p.name, {
      deployFailed: p.deploymentFailure !== undefined,
      injected: reasons.some((r) => r.code === 'EmulatorInjectedFailure'),
      updateFailed: p.updateFailure !== undefined && p.deletingSince === undefined,
      deleteFailed: p.deletingSince !== undefined,
    });
  }
  const regions = (a: string) =>
    domainId ? liveEnabledRegions(emulator, domainId, a, 'Tooling') : undefined;
  const fixedStatus = Object.values(dz.projectProfiles ?? {}).find(
    (p) => p.domainId === domainId && p.name === 'fixed',
  )?.status;
  const studios = new Map(
    [HOME_ACCOUNT, account].map((a) => [
      a,
      JSON.stringify(liveStudios(emulator, a).map((d) => d.tags.find((t) => t.Key === 'stage')?.Value)),
    ]),
  );
  return { projects, regions: regions(account), poolRegions: regions(generated), fixedStatus, studios };
}

/** Counts what changed between `before` and `after` one apply. */
export function observeApply(
  counts: CampaignCounts,
  desired: Desired,
  before: Snapshot,
  after: Snapshot,
): void {
  const profileOf = (name: string) => desired.projects.find((p) => p.name === name)?.profile;
  let regionalCreated = false;
  let pooledCreated = false;
  let fixedCreated = false;
  for (const [name, now] of after.projects) {
    const was = before.projects.get(name);
    if (!was) {
      if (profileOf(name) === 'fixed') {
        exercised(counts, 'created.fixedProject');
        fixedCreated = true;
      }
      if (profileOf(name) === 'fixed' && before.fixedStatus === 'DISABLED')
        exercised(counts, 'created.onProfileDisabledLive');
      if (desired.projects.find((p) => p.name === name)?.inPoolRegion) {
        exercised(counts, 'created.poolRegionProject');
        pooledCreated = true;
      }
      if (profileOf(name) === 'fixed-x') {
        exercised(counts, 'created.regionalProject');
        regionalCreated = true;
      }
    }
    if (now.deployFailed && now.injected && !(was?.deployFailed ?? false))
      exercised(counts, 'injected.deploymentFailed');
    if (now.updateFailed && !(was?.updateFailed ?? false)) exercised(counts, 'injected.updateFailed');
    if (now.deleteFailed && !(was?.deleteFailed ?? false)) exercised(counts, 'injected.deleteFailed');
    if (was?.deployFailed && was.injected && !now.deployFailed)
      exercised(counts, 'recovered.deploymentRedeployed');
    if (was?.updateFailed && !now.updateFailed) exercised(counts, 'recovered.updateResent');
  }
  for (const [name, was] of before.projects) {
    const now = after.projects.get(name);
    if (was.deleteFailed && (!now || !now.deleteFailed)) exercised(counts, 'recovered.deleteFailed');
  }
  for (const [account, now] of after.studios) {
    const was = before.studios.get(account) ?? '[]';
    if (was === now) continue;
    const where = account === HOME_ACCOUNT ? 'home' : 'otherAccount';
    const what = was === '[]' ? 'created' : now === '[]' ? 'deleted' : 'updated';
    exercised(counts, `studio.${what}.${where}`);
  }
  if (before.fixedStatus === 'DISABLED' && after.fixedStatus === 'ENABLED')
    exercised(counts, 'recovered.profileReenabled');
  if (
    before.poolRegions !== undefined &&
    JSON.stringify(before.poolRegions) !== JSON.stringify(after.poolRegions)
  ) {
    const grew = (after.poolRegions ?? []).length > before.poolRegions.length;
    exercised(counts, grew ? 'poolRegionChange.added' : 'poolRegionChange.removed');
    if (grew && pooledCreated) exercised(counts, 'poolRegionChange.withProjectInOneApply');
  }
  if (before.regions === undefined && after.regions !== undefined)
    exercised(counts, 'regionChange.configured');
  else if (JSON.stringify(before.regions) !== JSON.stringify(after.regions)) {
    const had = (before.regions ?? []).includes(REGION_X);
    const has = (after.regions ?? []).includes(REGION_X);
    // Neither added nor removed REGION_X: a region dropped out of band was put back.
    exercised(
      counts,
      has === had ? 'regionChange.restored' : has ? 'regionChange.added' : 'regionChange.removed',
    );
    if (has && !had && regionalCreated) exercised(counts, 'regionChange.withProjectInOneApply');
    if (has === had && fixedCreated) exercised(counts, 'regionChange.restoredWithProjectInOneApply');
  }
}
