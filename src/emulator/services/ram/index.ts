/** RAM service of the emulator (resource shares of DataZone domains, associations, invitations). */
import type { EmulatorWorld, ServiceImpl } from '../../types.js';

/** Builds the RAM service over the world. */
export function createRamService(world: EmulatorWorld): ServiceImpl {
  world.services.ram ??= {};
  return { service: 'ram', handlers: {} };
}
