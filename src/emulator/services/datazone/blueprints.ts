/**
 * Managed environment blueprints: created with each domain, with opaque per-domain ids (so a
 * caller must resolve ids by name, as with AWS), listed with the `managed` and `name` filters.
 * The emulator has no custom blueprints, so `managed=false` lists nothing.
 */
import type {
  EnvironmentBlueprintSummary,
  GetEnvironmentBlueprintInput,
  ListEnvironmentBlueprintsInput,
} from '@aws-sdk/client-datazone';
import { MANAGED_BLUEPRINT_NAMES } from '../../../model/blueprints.js';
import { paginate } from '../paginate.js';
import { pageOptions, type DzCall, type DzHandler } from './call.js';
import { opaqueId } from './ids.js';
import { findDomain, inDomain, notFound } from './lookups.js';
import type { BlueprintRecord, DomainRecord } from './state.js';

// One list of the managed blueprints (reference §9) for the tool and the emulator alike.
export { MANAGED_BLUEPRINT_NAMES };

/** Creates the managed blueprints of a new domain. */
export function createManagedBlueprints(call: DzCall, domain: DomainRecord): void {
  for (const name of MANAGED_BLUEPRINT_NAMES) {
    const id = opaqueId(call.ctx, 'blueprint');
    call.state.blueprints[id] = {
      id,
      domainId: domain.id,
      name,
      description: `Managed ${name} blueprint of Amazon SageMaker Unified Studio.`,
      provider: 'Amazon SageMaker',
      templateUrl: `https://datazone-blueprints-${domain.region}.s3.${domain.region}.amazonaws.com/${name}.template.json`,
      createdAt: domain.createdAt,
      updatedAt: domain.createdAt,
    };
  }
}

/** A blueprint of the domain (ResourceNotFoundException otherwise). */
export function findBlueprint(call: DzCall, domain: DomainRecord, id: string): BlueprintRecord {
  const blueprint = call.state.blueprints[id];
  if (!blueprint || blueprint.domainId !== domain.id)
    notFound(call, `Environment blueprint ${id} not found.`);
  return blueprint;
}

function summary(blueprint: BlueprintRecord): EnvironmentBlueprintSummary {
  return {
    id: blueprint.id,
    name: blueprint.name,
    description: blueprint.description,
    provider: blueprint.provider,
    provisioningProperties: { cloudFormation: { templateUrl: blueprint.templateUrl } },
    createdAt: new Date(blueprint.createdAt),
    updatedAt: new Date(blueprint.updatedAt),
  };
}

const listEnvironmentBlueprints: DzHandler<ListEnvironmentBlueprintsInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const items = inDomain(call.state.blueprints, domain.id)
    .filter(() => input.managed !== false)
    .filter((b) => input.name === undefined || b.name === input.name)
    .map(summary);
  const key = `${domain.id}:${String(input.managed)}:${input.name ?? ''}`;
  const options = pageOptions(call, key, (b: EnvironmentBlueprintSummary) => b.id ?? '');
  // Managed blueprints are listed in the reference's order (they are never deleted); shuffled on demand.
  const rank = (b: EnvironmentBlueprintSummary) => [
    (MANAGED_BLUEPRINT_NAMES as readonly string[]).indexOf(b.name ?? ''),
  ];
  const page = paginate(items, input, call.ctx.options.shuffleLists ? options : { ...options, order: rank });
  return { items: page.items, nextToken: page.nextToken };
};

const getEnvironmentBlueprint: DzHandler<GetEnvironmentBlueprintInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const blueprint = findBlueprint(call, domain, input.identifier ?? '');
  return {
    ...summary(blueprint),
    deploymentProperties: { startTimeoutMinutes: 60, endTimeoutMinutes: 60 },
    userParameters: [],
  };
};

/** Environment blueprint handlers by operation name. */
export const blueprintHandlers = {
  ListEnvironmentBlueprints: listEnvironmentBlueprints,
  GetEnvironmentBlueprint: getEnvironmentBlueprint,
};
