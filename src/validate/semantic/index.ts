/**
 * The semantic pass over schema-valid documents: every check runs, so one run reports every
 * problem, and references that only live state can settle are returned for the planner.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ValidDocument } from '../schema-validator.js';
import type { CheckContext, DeferredReference } from './context.js';
import { buildInventory } from './inventory.js';
import { checkGrants } from './grants.js';
import { checkLifecycle } from './lifecycle.js';
import { checkPolicies } from './policy.js';
import { checkProjectTargets } from './project-targets.js';
import { checkDuplicates, checkReferences } from './references.js';
import { checkGovernanceReferences } from './governance-references.js';
import { checkStudioProfiles } from './studio-profiles.js';

export type { DeferredReference } from './context.js';

/** Findings of the semantic pass. */
export interface SemanticResult {
  diagnostics: Diagnostic[];
  deferred: DeferredReference[];
}

/** Runs every cross-document check. */
export function checkSemantics(docs: readonly ValidDocument[]): SemanticResult {
  const ctx: CheckContext = { inventory: buildInventory(docs), diagnostics: [], deferred: [] };
  checkDuplicates(ctx);
  checkReferences(ctx);
  checkGovernanceReferences(ctx);
  checkProjectTargets(ctx);
  checkLifecycle(ctx);
  checkPolicies(ctx);
  checkGrants(ctx);
  checkStudioProfiles(ctx);
  return { diagnostics: ctx.diagnostics, deferred: ctx.deferred };
}
