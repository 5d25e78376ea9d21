/**
 * Generates model-conforming and model-violating values per shape for the constraint walk test.
 * Strings are picked from a short list of generic candidates (checked against the shape's length,
 * enum and pattern); patterns that none of them satisfies get a hand-picked sample below (keep
 * that table small and explicit: a missing entry fails the walk test with the pattern named).
 */
import type { MemberRef, ServiceModel, ShapeDef } from '../../src/emulator/model/index.js';
import { shapeOf } from '../../src/emulator/model/index.js';
import { compilePattern } from '../../src/emulator/patterns.js';

/** Generic candidates, tried in order. */
const CANDIDATES = [
  'abc',
  'abc123',
  'dzd_abc123def456',
  '123456789012',
  'us-east-1',
  'd-abc123def456',
  'arn:aws:iam::123456789012:role/Test',
  'arn:aws:iam::aws:policy/Test',
  'arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012',
  'arn:aws:lambda:us-east-1:123456789012:function:fn',
  'arn:aws:ram:us-east-1:123456789012:resource-share/12345678-1234-1234-1234-123456789012',
  'arn:aws:datazone:us-east-1:123456789012:domain/dzd_abc123def456',
  'arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc123def456',
  'https://example.com',
  'sg-12345678',
  'subnet-12345678',
  'vpc-12345678',
  's3://bucket/key',
  'sagemaker',
];

/** Hand-picked conforming samples for patterns no candidate satisfies, keyed by the pattern. */
export const PATTERN_SAMPLES: Readonly<Record<string, string>> = {
  UserName: 'UserName',
  '([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}':
    '12345678-1234-1234-1234-123456789012',
  '.*arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}.*':
    'arn:aws:sso:::instance/ssoins-1234567890abcdef',
  '(fs-[0-9a-f]{8,})': 'fs-12345678abc',
  '[A-Za-z0-9+/]{10}': 'AbCdE12345',
  '\\/\\S*': '/home',
  'arn:aws(-[\\w]+)*:sagemaker:.+:[0-9]{12}:image/[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*':
    'arn:aws:sagemaker:us-east-1:123456789012:image/img',
  '(0|[1-9]\\d*)\\.(0|[1-9]\\d*)': '1.0',
  '(arn:aws(-[\\w]+)*:sagemaker:.+:[0-9]{12}:image-version/[a-z0-9]([-.]?[a-z0-9])*/[0-9]+|None)': 'None',
  'arn:[-.a-z0-9]{1,63}:codewhisperer:([-.a-z0-9]{0,63}:){2}([a-zA-Z0-9-_:/]){1,1023}':
    'arn:aws:codewhisperer:us-east-1:123456789012:profile/p',
  'arn:aws[a-z\\-]*:secretsmanager:[a-z0-9\\-]*:[0-9]{12}:secret:.*':
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:s',
  'arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso::[0-9]+:application\\/[a-zA-Z0-9-_.]+\\/apl-[a-zA-Z0-9]+':
    'arn:aws:sso::123456789012:application/ssoins-1/apl-1',
  '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:studio-lifecycle-config/.*|None)': 'None',
  '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:training-plan/.*|None)': 'None',
  '[\\d]*': '123456',
};

function fits(shape: ShapeDef, value: string): boolean {
  const length = [...value].length;
  if (shape.min !== undefined && length < shape.min) return false;
  if (shape.max !== undefined && length > shape.max) return false;
  if (shape.enum && !shape.enum.includes(value)) return false;
  const regex = shape.pattern !== undefined ? compilePattern(shape.pattern) : undefined;
  return regex ? regex.test(value) : true;
}

/** A conforming string for a string shape, or undefined when none is known. */
export function conformingString(shape: ShapeDef): string | undefined {
  if (shape.enum && shape.enum.length > 0) return shape.enum[0];
  const sample = shape.pattern !== undefined ? PATTERN_SAMPLES[shape.pattern] : undefined;
  const pool = sample !== undefined ? [sample, ...CANDIDATES] : CANDIDATES;
  for (const candidate of pool) {
    const padded =
      shape.min !== undefined && candidate.length < shape.min ? candidate.padEnd(shape.min, '1') : candidate;
    if (fits(shape, padded)) return padded;
    if (fits(shape, candidate)) return candidate;
  }
  return undefined;
}

/** Thrown when the generator lacks a sample: names the shape and pattern to add. */
export class MissingSample extends Error {}

/** A conforming value of the shape `ref` points at (structures: required members only, or the first). */
export function conformingValue(model: ServiceModel, ref: MemberRef, depth = 0): unknown {
  const shape = shapeOf(model, ref.shape);
  if (depth > 8) throw new MissingSample(`shape ${ref.shape} nests too deep`);
  switch (shape.type) {
    case 'string': {
      const value = conformingString(shape);
      if (value === undefined)
        throw new MissingSample(
          `no conforming sample for ${ref.shape} (pattern ${shape.pattern ?? '-'}, min ${shape.min ?? '-'}, max ${shape.max ?? '-'})`,
        );
      return value;
    }
    case 'integer':
    case 'long':
      return Math.max(shape.min ?? 1, Math.min(1, shape.max ?? 1));
    case 'float':
    case 'double':
      return shape.min ?? 1;
    case 'boolean':
      return true;
    case 'timestamp':
      return new Date('2026-01-01T00:00:00Z');
    case 'blob':
      return new Uint8Array([1, 2, 3]);
    case 'list': {
      const count = Math.max(shape.min ?? 0, 1);
      return Array.from({ length: Math.min(count, shape.max ?? count) }, () =>
        conformingValue(model, shape.member as MemberRef, depth + 1),
      );
    }
    case 'map': {
      const key = conformingValue(model, shape.key as MemberRef, depth + 1) as string;
      return { [key]: conformingValue(model, shape.value as MemberRef, depth + 1) };
    }
    case 'structure': {
      const out: Record<string, unknown> = {};
      const members = shape.members ?? {};
      // An empty structure is not serialised at all by the SDK: give it at least one member.
      const required = shape.required ?? [];
      if (shape.union) {
        // A recursive union (Search's FilterClause: and/or of clauses) must pick a member that ends.
        for (const name of Object.keys(members)) {
          try {
            return { [name]: conformingValue(model, members[name] as MemberRef, depth + 1) };
          } catch (error) {
            if (!(error instanceof MissingSample)) throw error;
          }
        }
      }
      const names = shape.union || required.length === 0 ? Object.keys(members).slice(0, 1) : required;
      for (const name of names) out[name] = conformingValue(model, members[name] as MemberRef, depth + 1);
      return out;
    }
    default:
      throw new MissingSample(`unhandled type ${String(shape.type)}`);
  }
}

/** One way to break a top-level member. */
export interface ViolationCase {
  /** e.g. `pattern`, `min length`, `enum`, `required`. */
  constraint: string;
  /** The violating value; `undefined` with constraint `required` means "omit the member". */
  value: unknown;
}

const BAD_STRINGS = ['!!bad value!!', '\u0000', '\n', ''];

/** The violations of a member's own constraints (no recursion into nested structures). */
export function violationsOf(model: ServiceModel, ref: MemberRef, required: boolean): ViolationCase[] {
  const shape = shapeOf(model, ref.shape);
  const cases: ViolationCase[] = [];
  // The SDK refuses to send a request without a URI label, so a missing label never reaches the server.
  if (required && ref.location !== 'uri') cases.push({ constraint: 'required', value: undefined });
  switch (shape.type) {
    case 'string': {
      if (shape.min !== undefined && shape.min > 0)
        cases.push({ constraint: 'min length', value: 'a'.repeat(shape.min - 1) });
      if (shape.max !== undefined && shape.max < 20_000)
        cases.push({ constraint: 'max length', value: 'a'.repeat(shape.max + 1) });
      if (shape.enum) cases.push({ constraint: 'enum', value: 'NOT_A_MODELLED_VALUE' });
      if (shape.pattern !== undefined) {
        const regex = compilePattern(shape.pattern);
        const bad = regex ? BAD_STRINGS.find((s) => !regex.test(s)) : undefined;
        if (bad !== undefined) cases.push({ constraint: 'pattern', value: bad });
      }
      break;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      if (shape.min !== undefined) cases.push({ constraint: 'min value', value: shape.min - 1 });
      if (shape.max !== undefined) cases.push({ constraint: 'max value', value: shape.max + 1 });
      break;
    case 'list':
      if (shape.min !== undefined && shape.min > 0) {
        cases.push({
          constraint: 'min items',
          value: Array.from({ length: shape.min - 1 }, () =>
            conformingValue(model, shape.member as MemberRef),
          ),
        });
      }
      if (shape.max !== undefined && shape.max < 1000) {
        cases.push({
          constraint: 'max items',
          value: Array.from({ length: shape.max + 1 }, () =>
            conformingValue(model, shape.member as MemberRef),
          ),
        });
      }
      break;
    case 'map':
      if (shape.max !== undefined && shape.max < 1000) {
        const entries: Record<string, unknown> = {};
        for (let i = 0; i <= shape.max; i++)
          entries[`k${i}`] = conformingValue(model, shape.value as MemberRef);
        cases.push({ constraint: 'max entries', value: entries });
      }
      break;
    default:
      break;
  }
  return cases;
}
