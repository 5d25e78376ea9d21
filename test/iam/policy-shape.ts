/**
 * Test helper: checks that a parsed JSON value is a well-formed IAM identity policy (the grammar
 * of the IAM policy reference, not our TypeScript types): version, unique alphanumeric Sids,
 * Effect, `service:Action` names, exactly one of Resource/NotResource, real condition operators,
 * and condition keys from the list the generated policies are allowed to use. Returns problems.
 */

const OPERATOR =
  /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringNotEquals|StringEqualsIgnoreCase|StringLike|StringNotLike|ArnEquals|ArnLike|ArnNotEquals|ArnNotLike|Bool|Null|NumericEquals|NumericLessThan|DateLessThan|IpAddress)(IfExists)?$/;

// Global keys with a tag key suffix, and the service keys the generated policies use.
const KEY =
  /^(aws:(RequestTag|ResourceTag)\/[\w:.-]+|aws:TagKeys|iam:PassedToService|ram:(RequestedResourceType|ResourceShareName|PermissionArn|ShareOwnerAccountId)|sagemaker:(VpcSubnets|VpcSecurityGroupIds))$/;

const ACTION = /^(datazone|ram|sagemaker|sts|iam):[A-Za-z*]+$/;
const RESOURCE = /^(\*|arn:aws:(datazone|ram|sagemaker|iam|sts):[a-z0-9*-]*:(\d{12}|\*)?:[\w*/.:-]+)$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

function conditionProblems(where: string, condition: unknown): string[] {
  if (!isObject(condition)) return [`${where}: Condition is not an object`];
  const problems: string[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!OPERATOR.test(operator)) problems.push(`${where}: unknown condition operator ${operator}`);
    if (!isObject(block)) {
      problems.push(`${where}: ${operator} is not an object`);
      continue;
    }
    for (const [key, value] of Object.entries(block)) {
      if (!KEY.test(key)) problems.push(`${where}: unexpected condition key ${key}`);
      const values = strings(value);
      if (!values) problems.push(`${where}: ${operator}/${key} has no string value`);
      if (operator === 'Null' && values?.some((x) => x !== 'true' && x !== 'false'))
        problems.push(`${where}: Null takes "true" or "false"`);
    }
  }
  return problems;
}

/** Every problem of `doc` as an IAM policy document ([] when valid). */
export function policyProblems(doc: unknown): string[] {
  if (!isObject(doc)) return ['not an object'];
  const problems: string[] = [];
  if (doc['Version'] !== '2012-10-17') problems.push('Version is not 2012-10-17');
  const extra = Object.keys(doc).filter((k) => k !== 'Version' && k !== 'Statement' && k !== 'Id');
  if (extra.length > 0) problems.push(`unknown top-level members ${extra.join(', ')}`);
  const statements = doc['Statement'];
  if (!Array.isArray(statements) || statements.length === 0) return [...problems, 'no Statement'];
  const sids = new Set<string>();
  statements.forEach((s: unknown, i) => {
    const where = `Statement[${i}]`;
    if (!isObject(s)) {
      problems.push(`${where} is not an object`);
      return;
    }
    const known = ['Sid', 'Effect', 'Action', 'Resource', 'NotResource', 'Condition'];
    for (const k of Object.keys(s)) if (!known.includes(k)) problems.push(`${where}: unknown member ${k}`);
    const sid = s['Sid'];
    if (typeof sid !== 'string' || !/^[A-Za-z0-9]+$/.test(sid)) problems.push(`${where}: bad Sid`);
    else if (sids.has(sid)) problems.push(`${where}: duplicate Sid ${sid}`);
    else sids.add(sid);
    if (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny') problems.push(`${where}: bad Effect`);
    const actions = strings(s['Action']);
    if (!actions) problems.push(`${where}: no Action`);
    for (const a of actions ?? []) if (!ACTION.test(a)) problems.push(`${where}: bad action ${a}`);
    if ('Resource' in s === 'NotResource' in s)
      problems.push(`${where}: needs exactly one of Resource/NotResource`);
    const resources = strings(s['Resource'] ?? s['NotResource']);
    if (!resources) problems.push(`${where}: no resources`);
    for (const r of resources ?? []) if (!RESOURCE.test(r)) problems.push(`${where}: bad resource ${r}`);
    if ('Condition' in s) problems.push(...conditionProblems(where, s['Condition']));
  });
  return problems;
}
