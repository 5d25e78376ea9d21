/**
 * DataZone service of the emulator (domains, units, pools, profiles, projects, memberships, user
 * and group profiles, blueprints and their configurations). Handlers are pure logic over the
 * world's DataZone slice; each call first sweeps resources whose deletion has completed, so the
 * derived lifecycles need no timers. The written behavioural spec is docs/emulator/datazone.md.
 */
import type { CallContext, EmulatorWorld, OperationHandler, ServiceImpl } from '../../types.js';
import { accountPoolHandlers } from './account-pools.js';
import { blueprintConfigurationHandlers } from './blueprint-configurations.js';
import { blueprintHandlers } from './blueprints.js';
import { withDataZoneToken } from './client-token.js';
import type { DzCall, DzHandler } from './call.js';
import { dataZoneControl } from './control.js';
import { domainUnitHandlers } from './domain-units.js';
import { domainHandlers } from './domains.js';
import { entityOwnerHandlers } from './entity-owners.js';
import { glossaryHandlers } from './glossaries.js';
import { formTypeHandlers } from './form-types.js';
import { ruleHandlers } from './rules.js';
import { glossaryTermHandlers } from './glossary-terms.js';
import { sweep } from './lifecycle.js';
import { membershipHandlers } from './memberships.js';
import { policyGrantHandlers } from './policy-grants.js';
import { projectProfileHandlers } from './project-profiles.js';
import { projectHandlers } from './projects.js';
import { dataZoneState } from './state.js';
import { tagHandlers } from './tags.js';
import { userProfileHandlers } from './user-profiles.js';

// Each handler names the SDK input shape it reads; `never` accepts them all, and the wire layer
// has validated the input against the model before it reaches us.
const HANDLERS: Record<string, DzHandler<never>> = {
  ...domainHandlers,
  ...tagHandlers,
  ...domainUnitHandlers,
  ...accountPoolHandlers,
  ...projectProfileHandlers,
  ...projectHandlers,
  ...membershipHandlers,
  ...userProfileHandlers,
  ...blueprintHandlers,
  ...blueprintConfigurationHandlers,
  ...policyGrantHandlers,
  ...entityOwnerHandlers,
  ...glossaryHandlers,
  ...formTypeHandlers,
  ...ruleHandlers,
  ...glossaryTermHandlers,
};

/** Names of the DataZone operations the emulator serves. */
export const DATAZONE_OPERATIONS: readonly string[] = Object.keys(HANDLERS).sort();

/** Builds the DataZone service over the world. */
export function createDataZoneService(world: EmulatorWorld): ServiceImpl {
  dataZoneState(world);
  const handlers: Record<string, OperationHandler> = {};
  for (const [op, handler] of Object.entries(HANDLERS)) {
    handlers[op] = (input: Record<string, unknown>, ctx: CallContext) => {
      const call: DzCall = { ctx, world, state: dataZoneState(world), op, nowMs: ctx.now().getTime() };
      sweep(call);
      return withDataZoneToken(input, call, () => handler(input as never, call));
    };
  }
  return { service: 'datazone', handlers, control: dataZoneControl(world) };
}
