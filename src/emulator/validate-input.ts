/**
 * Validates a decoded input against the generated constraint table, as the services do before
 * looking at any resource: required members, string lengths (in characters), patterns (full
 * match), enums, numeric ranges, list and map sizes, unions with exactly one member, recursively.
 * The first violation is reported in the services' wording, with the member path
 * (`environmentConfigurations.1.member.name`, 1-based list positions as AWS writes them), e.g.
 * `1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy
 * regular expression pattern: [\w -]+`. Values are never echoed (many members are sensitive).
 */
import type { MemberRef, ServiceModel, ShapeDef } from './model/index.js';
import { shapeOf } from './model/index.js';
import { matchesPattern } from './patterns.js';

/** One violation: the member path and the constraint it breaks. */
export interface Violation {
  path: string;
  constraint: string;
}

/** The message of a violation in the services' wording. */
export function violationMessage(violation: Violation): string {
  return `1 validation error detected: Value at '${violation.path}' failed to satisfy constraint: ${violation.constraint}`;
}

/** Returns the first violation of `input` against the structure `shapeName`, if any. */
export function validateInput(
  model: ServiceModel,
  shapeName: string,
  input: Record<string, unknown>,
): Violation | undefined {
  return validateStructure(model, shapeOf(model, shapeName), input, '');
}

function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

function validateStructure(
  model: ServiceModel,
  shape: ShapeDef,
  value: Record<string, unknown>,
  path: string,
): Violation | undefined {
  const members = shape.members ?? {};
  for (const name of shape.required ?? []) {
    if (value[name] === undefined || value[name] === null)
      return { path: join(path, name), constraint: 'Member must not be null' };
  }
  if (shape.union) {
    const set = Object.keys(members).filter((name) => value[name] !== undefined && value[name] !== null);
    if (set.length !== 1)
      return { path: path || 'input', constraint: 'Member must have exactly one member set' };
  }
  for (const [name, ref] of Object.entries(members)) {
    const member = value[name];
    if (member === undefined || member === null) continue;
    const violation = validateValue(model, ref, member, join(path, name));
    if (violation) return violation;
  }
  return undefined;
}

function lengthViolation(shape: ShapeDef, length: number): string | undefined {
  if (shape.min !== undefined && length < shape.min)
    return `Member must have length greater than or equal to ${shape.min}`;
  if (shape.max !== undefined && length > shape.max)
    return `Member must have length less than or equal to ${shape.max}`;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/** Validates one value against the shape a member refers to. */
function validateValue(
  model: ServiceModel,
  ref: MemberRef,
  value: unknown,
  path: string,
): Violation | undefined {
  const shape = shapeOf(model, ref.shape);
  const fail = (constraint: string): Violation => ({ path, constraint });
  switch (shape.type) {
    case 'structure':
      return isPlainObject(value)
        ? validateStructure(model, shape, value, path)
        : fail('Member must be a structure');
    case 'string': {
      if (typeof value !== 'string') return fail('Member must be a string');
      const byLength = lengthViolation(shape, [...value].length);
      if (byLength) return fail(byLength);
      if (shape.enum && !shape.enum.includes(value))
        return fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      if (shape.pattern !== undefined && !matchesPattern(shape.pattern, value)) {
        return fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      return undefined;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('Member must be a number');
      if ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(value))
        return fail('Member must be an integer');
      if (shape.min !== undefined && value < shape.min)
        return fail(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max)
        return fail(`Member must have value less than or equal to ${shape.max}`);
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : fail('Member must be a boolean');
    case 'timestamp':
      return value instanceof Date && !Number.isNaN(value.getTime())
        ? undefined
        : fail('Member must be a timestamp');
    case 'blob':
      return typeof value === 'string' || value instanceof Uint8Array
        ? undefined
        : fail('Member must be a blob');
    case 'list': {
      if (!Array.isArray(value)) return fail('Member must be a list');
      const byLength = lengthViolation(shape, value.length);
      if (byLength) return fail(byLength);
      if (!shape.member) return undefined;
      for (let i = 0; i < value.length; i++) {
        if (value[i] === null || value[i] === undefined)
          return { path: `${path}.${i + 1}.member`, constraint: 'Member must not be null' };
        const violation = validateValue(model, shape.member, value[i], `${path}.${i + 1}.member`);
        if (violation) return violation;
      }
      return undefined;
    }
    case 'map': {
      if (!isPlainObject(value)) return fail('Member must be a map');
      const entries = Object.entries(value);
      const byLength = lengthViolation(shape, entries.length);
      if (byLength) return fail(byLength);
      for (const [key, entry] of entries) {
        if (shape.key) {
          const violation = validateValue(model, shape.key, key, `${path}.key`);
          if (violation) return violation;
        }
        if (shape.value && entry !== null && entry !== undefined) {
          const violation = validateValue(model, shape.value, entry, `${path}.${key}`);
          if (violation) return violation;
        }
      }
      return undefined;
    }
    default:
      return assertNever(shape.type);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled shape type ${String(value)}`);
}
