/**
 * The tool's least-privilege policy, generated from the operation table: `plan` mode allows the
 * read operations only (what `plan`, `drift` and `export` call), `apply` mode every operation.
 * One statement per resource scope, actions sorted and de-duplicated, so the output is stable.
 */
import { IAM_OPERATIONS, type OperationPermission } from './operations.js';
import { POLICY_VERSION, type PolicyDocument, type PolicyStatement } from './policy-document.js';
import {
  DEFAULT_ROLE_NAMES,
  SCOPE_ORDER,
  scopeStatement,
  type PolicyAccounts,
  type ResourceScope,
} from './scopes.js';

/**
 * Which principal the policy is for: the tool's own `plan` and `apply` roles, and the roles it
 * assumes in other accounts: `reader` (what plan, drift and export do there) and `deployer` (what
 * apply does there). Assumed roles assume nothing further.
 */
export type PolicyMode = 'plan' | 'apply' | 'reader' | 'deployer';

/** The rows a mode needs. */
export function operationsFor(mode: PolicyMode): OperationPermission[] {
  const writes = mode === 'apply' || mode === 'deployer';
  const assumes = mode === 'plan' || mode === 'apply';
  return IAM_OPERATIONS.filter(
    (o) => (writes || o.access === 'read') && (assumes || o.scope !== 'sts-assume-role'),
  );
}

/** Scope → actions granted on it, over the given rows (passed roles and extras included). */
export function actionsByScope(operations: readonly OperationPermission[]): Map<ResourceScope, Set<string>> {
  const byScope = new Map<ResourceScope, Set<string>>();
  const grant = (scope: ResourceScope, actions: readonly string[]) => {
    if (actions.length === 0) return;
    const set = byScope.get(scope) ?? new Set<string>();
    for (const a of actions) set.add(a);
    byScope.set(scope, set);
  };
  for (const op of operations) {
    grant(op.scope, op.actions);
    if (op.extra) grant(op.extra.scope, op.extra.actions);
    if (op.passRole) grant(op.passRole.scope, ['iam:PassRole']);
  }
  return byScope;
}

/** Builds the tool's policy for `mode`, scoped to `accounts` (`*` where unknown). */
export function buildToolPolicy(mode: PolicyMode, accounts: PolicyAccounts): PolicyDocument {
  const byScope = actionsByScope(operationsFor(mode));
  accounts = {
    ...accounts,
    assumableRoleName:
      accounts.assumableRoleName ??
      (mode === 'plan' ? DEFAULT_ROLE_NAMES.reader : DEFAULT_ROLE_NAMES.deployer),
  };
  const statements: PolicyStatement[] = [];
  for (const scope of SCOPE_ORDER) {
    const actions = byScope.get(scope);
    if (!actions) continue;
    const s = scopeStatement(scope, accounts);
    statements.push({
      Sid: s.sid,
      Effect: 'Allow',
      Action: [...actions].sort(),
      Resource: s.resources,
      ...(s.condition ? { Condition: s.condition } : {}),
    });
  }
  return { Version: POLICY_VERSION, Statement: statements };
}

/** Every action a policy allows (for containment checks). */
export function allowedActions(policy: PolicyDocument): Set<string> {
  const out = new Set<string>();
  for (const s of policy.Statement) if (s.Effect === 'Allow') for (const a of s.Action) out.add(a);
  return out;
}
