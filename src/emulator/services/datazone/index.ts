/** DataZone service of the emulator (domains, units, pools, profiles, projects, blueprints). */
import type { EmulatorWorld, ServiceImpl } from '../../types.js';
import { dataZoneState } from './state.js';

/** Builds the DataZone service over the world. */
export function createDataZoneService(world: EmulatorWorld): ServiceImpl {
  dataZoneState(world);
  return { service: 'datazone', handlers: {} };
}
