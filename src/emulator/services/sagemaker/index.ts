/** SageMaker service of the emulator (Studio domains and their tags). */
import type { EmulatorWorld, ServiceImpl } from '../../types.js';

/** Builds the SageMaker service over the world. */
export function createSageMakerService(world: EmulatorWorld): ServiceImpl {
  world.services.sagemaker ??= {};
  return { service: 'sagemaker', handlers: {} };
}
