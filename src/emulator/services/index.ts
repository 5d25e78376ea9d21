/**
 * The services registry: one factory per signing name. Factories are called over the world at
 * start and again after a reset (they must keep all state in the world).
 */
import type { EmulatorWorld, ServiceFactory, ServiceImpl, ServiceName } from '../types.js';
import { createDataZoneService } from './datazone/index.js';
import { createRamService } from './ram/index.js';
import { createSageMakerService } from './sagemaker/index.js';
import { createStsService } from './sts.js';

/** Factories by service name. */
export const SERVICE_FACTORIES: Readonly<Record<ServiceName, ServiceFactory>> = {
  datazone: createDataZoneService,
  ram: createRamService,
  sagemaker: createSageMakerService,
  sts: createStsService,
};

/** The service names the emulator serves, in a stable order. */
export const SERVICE_NAMES: readonly ServiceName[] = ['datazone', 'ram', 'sagemaker', 'sts'];

/** Builds every service over the world; `overrides` replace factories (a seam for wire-layer tests). */
export function createServices(
  world: EmulatorWorld,
  overrides: Partial<Record<ServiceName, ServiceFactory>> = {},
): Record<ServiceName, ServiceImpl> {
  const build = (name: ServiceName) => (overrides[name] ?? SERVICE_FACTORIES[name])(world);
  return { datazone: build('datazone'), ram: build('ram'), sagemaker: build('sagemaker'), sts: build('sts') };
}
