/**
 * Loads the generated constraint tables. The JSON is imported (not read from disk) so that the
 * compiler copies it next to the compiled code and a packaged CLI finds it without a file path.
 */
import type { ServiceName } from '../types.js';
import type { ServiceModel, ShapeDef } from './types.js';
import datazone from './datazone.generated.json' with { type: 'json' };
import ram from './ram.generated.json' with { type: 'json' };
import sagemaker from './sagemaker.generated.json' with { type: 'json' };
import sts from './sts.generated.json' with { type: 'json' };

export type { MemberRef, ModelMetadata, OperationDef, ServiceModel, ShapeDef } from './types.js';

// The JSON literal types are wider than the table types (e.g. `type: string`); the generator
// guarantees the layout, so the cast is checked once here instead of at every use.
const MODELS: Readonly<Record<ServiceName, ServiceModel>> = {
  datazone: datazone as unknown as ServiceModel,
  ram: ram as unknown as ServiceModel,
  sagemaker: sagemaker as unknown as ServiceModel,
  sts: sts as unknown as ServiceModel,
};

/** The constraint table of a service. */
export function serviceModel(service: ServiceName): ServiceModel {
  return MODELS[service];
}

/** A shape by name; throws when the table lacks it (a generator bug, never a caller error). */
export function shapeOf(model: ServiceModel, name: string): ShapeDef {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`model ${model.metadata.serviceId} has no shape ${name}`);
  return shape;
}
