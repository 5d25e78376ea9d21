/**
 * Turns raw ajv errors into one clear diagnostic per mistake. ajv with `allErrors` reports every
 * failing branch of a `oneOf`/`anyOf` plus the composite failure itself, which reads as noise;
 * here each composite keeps only the branch the user evidently meant (the one whose required
 * keys they wrote), or becomes a single "mixes forms" / "matches no form" diagnostic.
 */
import type { ErrorObject } from 'ajv';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { childPointer } from '../load/source-map.js';
import { didYouMean } from './suggest.js';

/** A schema problem tied to a data path; the caller locates it in the source. */
export interface SchemaProblem {
  code: DiagnosticCode;
  /** JSON pointer of the offending value (or of the key, when `atKey`). */
  pointer: string;
  /** Point at the key (unknown field, missing field) rather than the value. */
  atKey: boolean;
  message: string;
}

/** Resolves a `$ref` inside a schema, for reading a branch's `required` list. */
export type RefResolver = (ref: string) => unknown;

type AnyError = ErrorObject<string, Record<string, unknown>, unknown>;

function branchSchema(schema: unknown, resolve: RefResolver): Record<string, unknown> {
  let current = schema;
  for (let hops = 0; hops < 5 && current && typeof current === 'object' && '$ref' in current; hops++) {
    current = resolve(String((current as { $ref: unknown }).$ref));
  }
  return current && typeof current === 'object' ? (current as Record<string, unknown>) : {};
}

function requiredKeys(schema: Record<string, unknown>): string[] {
  return Array.isArray(schema.required) ? schema.required.map(String) : [];
}

function formsText(branches: Record<string, unknown>[]): string {
  return branches
    .map((b) => requiredKeys(b))
    .filter((keys) => keys.length > 0)
    .map((keys) => `{${keys.join(', ')}}`)
    .join(' or ');
}

/** Keeps the errors of the intended branch of each composite; returns the pruned list plus composite verdicts. */
function pruneComposites(
  errors: AnyError[],
  resolve: RefResolver,
): { kept: AnyError[]; problems: SchemaProblem[] } {
  let kept = [...errors];
  const problems: SchemaProblem[] = [];
  // Deepest composites first: an inner choice is settled before the outer one counts its errors.
  const composites = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const composite of composites) {
    if (!kept.includes(composite)) continue;
    const prefix = composite.schemaPath;
    const branches = (Array.isArray(composite.schema) ? composite.schema : []).map((s) =>
      branchSchema(s, resolve),
    );
    const inBranch = (e: AnyError, i: number) => e.schemaPath.startsWith(`${prefix}/${i}/`);
    const inComposite = (e: AnyError) => e !== composite && e.schemaPath.startsWith(`${prefix}/`);
    const data =
      composite.data && typeof composite.data === 'object' ? (composite.data as Record<string, unknown>) : {};
    const present = (b: Record<string, unknown>) => requiredKeys(b).filter((k) => k in data).length;
    const complete = branches
      .map((b, i) => ({ i, b }))
      .filter(({ b }) => requiredKeys(b).length > 0 && present(b) === requiredKeys(b).length);
    const passing = composite.params.passingSchemas;
    kept = kept.filter((e) => e !== composite);
    if (Array.isArray(passing) || complete.length > 1) {
      const mixed = Array.isArray(passing)
        ? passing.map((i) => branches[Number(i)]!)
        : complete.map((c) => c.b);
      kept = kept.filter((e) => !inComposite(e));
      problems.push({
        code: 'SG208',
        pointer: composite.instancePath,
        atKey: true,
        message: `mixes forms that exclude each other: use only one of ${formsText(mixed)}`,
      });
      continue;
    }
    let chosen = complete[0]?.i;
    if (chosen === undefined) {
      const scored = branches.map((b, i) => ({ i, score: present(b) })).sort((x, y) => y.score - x.score);
      if (scored[0] && scored[0].score > 0 && scored[0].score !== scored[1]?.score) chosen = scored[0].i;
    }
    if (chosen === undefined) {
      // Nothing says which form was meant: with scalars, keep the first branch's errors (usually a type
      // mismatch); with objects, name the forms.
      if (composite.data !== null && typeof composite.data === 'object' && formsText(branches)) {
        kept = kept.filter((e) => !inComposite(e));
        problems.push({
          code: 'SG208',
          pointer: composite.instancePath,
          atKey: true,
          message: `must be one of the forms ${formsText(branches)}`,
        });
        continue;
      }
      chosen = 0;
    }
    kept = kept.filter((e) => !inComposite(e) || inBranch(e, chosen));
  }
  return { kept, problems };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function rangeMessage(keyword: string, limit: unknown, data: unknown): string {
  const got = JSON.stringify(data);
  switch (keyword) {
    case 'minLength':
      return `is shorter than ${String(limit)} characters (got ${got})`;
    case 'maxLength':
      return `is longer than ${String(limit)} characters (got ${String(data).length})`;
    case 'minimum':
      return `must be at least ${String(limit)} (got ${got})`;
    case 'maximum':
      return `must be at most ${String(limit)} (got ${got})`;
    case 'exclusiveMinimum':
      return `must be greater than ${String(limit)} (got ${got})`;
    default:
      return `must be less than ${String(limit)} (got ${got})`;
  }
}

function describe(e: AnyError): SchemaProblem | undefined {
  const p = e.params;
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const field = String(p.additionalProperty ?? p.unevaluatedProperty);
      const allowed =
        parent.properties && typeof parent.properties === 'object' ? Object.keys(parent.properties) : [];
      return {
        code: 'SG201',
        pointer: childPointer(e.instancePath, field),
        atKey: true,
        message: `unknown field "${field}"${didYouMean(field, allowed)}`,
      };
    }
    case 'required':
      return {
        code: 'SG202',
        pointer: e.instancePath,
        atKey: true,
        message: `missing required field "${String(p.missingProperty)}"`,
      };
    case 'type': {
      const hint =
        typeof e.data === 'number' && p.type === 'string' && /^\d{1,12}$/.test(String(e.data))
          ? ' (quote account ids: YAML reads 012345678901 as a number and drops the leading zero)'
          : '';
      const expected = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      return {
        code: 'SG203',
        pointer: e.instancePath,
        atKey: false,
        message: `must be ${expected} (got ${typeName(e.data)})${hint}`,
      };
    }
    case 'enum': {
      const allowed = (Array.isArray(p.allowedValues) ? p.allowedValues : []).map(String);
      return {
        code: 'SG204',
        pointer: e.instancePath,
        atKey: false,
        message: `must be one of ${allowed.join(', ')} (got ${JSON.stringify(e.data)})${didYouMean(String(e.data), allowed)}`,
      };
    }
    case 'const':
      return {
        code: 'SG204',
        pointer: e.instancePath,
        atKey: false,
        message: `must be ${JSON.stringify(p.allowedValue)} (got ${JSON.stringify(e.data)})`,
      };
    case 'pattern':
    case 'format':
      return {
        code: 'SG205',
        pointer: e.instancePath,
        atKey: false,
        message: `${JSON.stringify(e.data)} is not a valid ${String(parent.title ?? 'value')}: must match ${String(p.pattern ?? p.format)}`,
      };
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code: 'SG206',
        pointer: e.instancePath,
        atKey: false,
        message: rangeMessage(e.keyword, p.limit, e.data),
      };
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'uniqueItems':
      return {
        code: 'SG207',
        pointer: e.instancePath,
        atKey: false,
        message: e.message ?? 'wrong number of entries',
      };
    case 'if':
      return undefined; // the failing `then` branch carries the real error
    case 'oneOf':
    case 'anyOf':
    case 'not':
      return {
        code: 'SG208',
        pointer: e.instancePath,
        atKey: false,
        message: e.message ?? 'matches no allowed form',
      };
    default:
      return {
        code: 'SG209',
        pointer: e.instancePath,
        atKey: false,
        message: e.message ?? `fails ${e.keyword}`,
      };
  }
}

/** Maps ajv errors to pruned, deduplicated schema problems. */
export function schemaProblems(errors: readonly AnyError[], resolve: RefResolver): SchemaProblem[] {
  const { kept, problems } = pruneComposites([...errors], resolve);
  const all = [...problems, ...kept.map(describe).filter((p): p is SchemaProblem => p !== undefined)];
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = `${p.pointer}\u0000${p.code}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
