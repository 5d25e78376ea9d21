/**
 * The shape of an IAM identity-based policy document, typed so that only real condition operators
 * can be written, and its canonical JSON rendering (two-space indent, trailing newline, the
 * member order IAM's console shows: Sid, Effect, Action, Resource, Condition).
 */

/** The only policy language version that supports policy variables and current condition keys. */
export const POLICY_VERSION = '2012-10-17';

/** Condition operators the generated policies use (all real IAM operators). */
export type ConditionOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringLike'
  | 'ArnLike'
  | 'ArnEquals'
  | 'Null'
  | 'Bool'
  | 'ForAnyValue:StringEquals'
  | 'ForAnyValue:StringNotEquals'
  | 'ForAllValues:StringEquals';

/** `{ operator: { conditionKey: value(s) } }`. */
export type PolicyCondition = Partial<Record<ConditionOperator, Record<string, string | string[]>>>;

/** One statement; exactly one of Resource and NotResource. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource?: string[];
  NotResource?: string[];
  Condition?: PolicyCondition;
}

/** A whole policy document. */
export interface PolicyDocument {
  Version: typeof POLICY_VERSION;
  Statement: PolicyStatement[];
}

/** Renders a policy as the JSON a user pastes into IAM (stable member order, sorted actions kept as built). */
export function renderPolicy(policy: PolicyDocument): string {
  const statements = policy.Statement.map((s) => ({
    Sid: s.Sid,
    Effect: s.Effect,
    Action: s.Action,
    ...(s.Resource ? { Resource: s.Resource } : {}),
    ...(s.NotResource ? { NotResource: s.NotResource } : {}),
    ...(s.Condition ? { Condition: s.Condition } : {}),
  }));
  return `${JSON.stringify({ Version: policy.Version, Statement: statements }, null, 2)}\n`;
}
