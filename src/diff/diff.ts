/**
 * The semantic differ: compares a normalised desired value with a normalised live value and
 * reports every changed field with its JSON pointer, before and after. Sets compare without order,
 * keyed lists compare item by item on their key, everything else structurally. Defaults are
 * applied by the normalisers on both sides before this runs, so "unset" and "the default" agree.
 */
import { childPointer } from '../load/source-map.js';

/**
 * How a path compares: an unordered set of scalars, or a list of objects keyed by a field.
 * `itemized` is a set of names whose additions and removals are reported one by one
 * (`/owners/user:jdoe`), so a plan lists who is added and who removed instead of two whole lists.
 */
export type DiffRule = { kind: 'set' } | { kind: 'keyed'; key: string } | { kind: 'itemized' };

/**
 * Rules by path pattern: a JSON pointer where `*` matches any one segment
 * (e.g. `/environments/*\/target/accountPools`).
 */
export type DiffRules = Readonly<Record<string, DiffRule>>;

/** One changed field. `before` is absent when the field is added, `after` when it is removed. */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

/** A rule's pattern split into segments once per rule set (every field of every resource asks). */
type CompiledRules = { segments: string[]; rule: DiffRule }[] & {
  /** The depth (segments after the root) of the deepest pattern: no rule applies below it. */
  depth?: number;
};

const compiledRules = new WeakMap<DiffRules, CompiledRules>();

const NO_RULES: DiffRules = {};

function compiled(rules: DiffRules): CompiledRules {
  let list = compiledRules.get(rules);
  if (!list) {
    list = Object.entries(rules).map(([pattern, rule]) => ({ segments: pattern.split('/'), rule }));
    list.depth = Math.max(0, ...list.map((r) => r.segments.length - 1));
    compiledRules.set(rules, list);
  }
  return list;
}

/** How many segments a pointer has (`''` 0, `/a/b` 2), counted without splitting it. */
function pointerDepth(path: string): number {
  let depth = 0;
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) depth++;
  return depth;
}

/**
 * Whether a pointer's segments are `segments` (a rule pattern split on `/`, `*` matching any one
 * segment): what `path.split('/')` compared segment by segment answers, without splitting.
 */
export function matchesPattern(segments: readonly string[], path: string): boolean {
  let at = 0;
  for (let s = 0; s < segments.length; s++) {
    const end = path.indexOf('/', at);
    const stop = end < 0 ? path.length : end;
    const segment = segments[s]!;
    if (segment !== '*' && (stop - at !== segment.length || !path.startsWith(segment, at))) return false;
    if (end < 0) return s === segments.length - 1;
    at = end + 1;
  }
  return false;
}

function ruleFor(rules: DiffRules, path: string): DiffRule | undefined {
  const list = compiled(rules);
  // Matched without splitting the path: every list of every resource of a plan asks.
  for (const { segments, rule } of list) if (matchesPattern(segments, path)) return rule;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * fast-deep-equal's answer (the same checks in the same order: constructors, arrays from the end,
 * RegExp, valueOf, toString, own enumerable keys, NaN equal to NaN) without allocating two key
 * arrays per object compared: own keys are counted and looked up with for-in. The differ compares
 * every desired value of a plan with its live value, most of them equal.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    if (x.constructor !== y.constructor) return false;
    if (Array.isArray(x)) {
      const length = x.length;
      if (length !== (y as unknown as unknown[]).length) return false;
      for (let i = length; i-- !== 0;) if (!deepEqual(x[i], (y as unknown as unknown[])[i])) return false;
      return true;
    }
    if (x.constructor === RegExp) {
      const [r, t] = [x as unknown as RegExp, y as unknown as RegExp];
      return r.source === t.source && r.flags === t.flags;
    }
    if (x.valueOf !== Object.prototype.valueOf) return x.valueOf() === y.valueOf();
    if (x.toString !== Object.prototype.toString) return x.toString() === y.toString();
    let length = 0;
    for (const key in x) if (hasOwn.call(x, key)) length++;
    let other = 0;
    for (const key in y) if (hasOwn.call(y, key)) other++;
    if (length !== other) return false;
    for (const key in x) if (hasOwn.call(x, key) && !hasOwn.call(y, key)) return false;
    for (const key in x) if (hasOwn.call(x, key) && !deepEqual(x[key], y[key])) return false;
    return true;
  }
  // true if both NaN, false otherwise
  return a !== a && b !== b;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts a set's members into one canonical order (by their JSON text) and drops repeats. */
export function canonicalSet(values: readonly unknown[]): unknown[] {
  const byText = new Map(values.map((v) => [JSON.stringify(v), v]));
  return [...byText.keys()].sort(compareKeys).map((k) => byText.get(k));
}

function change(path: string, before: unknown, after: unknown): FieldChange {
  const c: FieldChange = { path };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  return c;
}

/**
 * Whether `diffAt` would find no change, answered without building one: most resources of a
 * large plan are in sync, yet fail a plain deep-equal at the top (a keyed list in another order,
 * a key holding `undefined` on one side). Mirrors `diffAt` branch by branch: plain objects
 * recurse over the union of keys (no rule applies to them); an array at a path with a rule is
 * left to `diffAt`; anything else compares structurally.
 */
function inSync(desired: unknown, live: unknown, rules: DiffRules, path: string): boolean {
  if (desired === live) return true;
  if (isPlainObject(desired) && isPlainObject(live)) {
    // Child paths are only needed to find rules, and no rule is deeper than the deepest pattern:
    // below it the children compare without rules and without building their paths.
    const list = compiled(rules);
    const ruled = list.length > 0 && pointerDepth(path) < (list.depth ?? 0);
    const childRules = ruled ? rules : NO_RULES;
    // Own keys walked with for-in, as Object.keys lists them, without an array per object.
    for (const key in desired)
      if (
        hasOwn.call(desired, key) &&
        !inSync(desired[key], live[key], childRules, ruled ? childPointer(path, key) : path)
      )
        return false;
    for (const key in live)
      if (
        hasOwn.call(live, key) &&
        !hasOwn.call(desired, key) &&
        !inSync(desired[key], live[key], childRules, ruled ? childPointer(path, key) : path)
      )
        return false;
    return true;
  }
  if (Array.isArray(desired) || Array.isArray(live)) {
    const rule = ruleFor(rules, path);
    if (rule?.kind === 'keyed' && Array.isArray(desired) && Array.isArray(live))
      return keyedInSync(desired, live, rule.key, rules, path);
    if (rule) return diffAt(desired, live, rules, path).length === 0;
  }
  return deepEqual(desired, live);
}

/** A keyed list's item key, as `diffAt` matches items. */
function itemKey(item: unknown, key: string): string {
  return isPlainObject(item) ? String(item[key]) : JSON.stringify(item);
}

/** Index of the last item of `list` with item key `k`, or -1. */
function lastWithKey(list: readonly unknown[], key: string, k: string): number {
  for (let i = list.length - 1; i >= 0; i--) if (itemKey(list[i], key) === k) return i;
  return -1;
}

/** How many distinct item keys a list has. */
function distinctKeys(list: readonly unknown[], key: string): number {
  let count = 0;
  for (let i = 0; i < list.length; i++) if (lastWithKey(list, key, itemKey(list[i], key)) === i) count++;
  return count;
}

// Up to this many items a keyed list is matched by scanning, without building maps.
const SCANNED_LIST = 16;

/**
 * Whether `diffAt` finds no change in a keyed list, without sorting and collecting: the same
 * item keys, and for each key its last item (as diffAt's maps keep) in sync. Keyed lists in
 * another order than the live one (a project's members) are the common case of a large plan.
 */
function keyedInSync(desired: unknown[], live: unknown[], key: string, rules: DiffRules, path: string) {
  if (deepEqual(desired, live)) return true;
  // Items below the deepest rule compare without rules, and need no path.
  const ruled = pointerDepth(path) < (compiled(rules).depth ?? 0);
  const itemRules = ruled ? rules : NO_RULES;
  const itemPath = (k: string) => (ruled ? childPointer(path, k) : path);
  if (desired.length > SCANNED_LIST || live.length > SCANNED_LIST) {
    const d = new Map(desired.map((item) => [itemKey(item, key), item]));
    const l = new Map(live.map((item) => [itemKey(item, key), item]));
    if (d.size !== l.size) return false;
    for (const [k, item] of d) if (!l.has(k) || !inSync(item, l.get(k), itemRules, itemPath(k))) return false;
    return true;
  }
  let distinct = 0;
  for (let i = 0; i < desired.length; i++) {
    const k = itemKey(desired[i], key);
    if (lastWithKey(desired, key, k) !== i) continue;
    distinct++;
    const j = lastWithKey(live, key, k);
    if (j < 0 || !inSync(desired[i], live[j], itemRules, itemPath(k))) return false;
  }
  return distinct === distinctKeys(live, key);
}

/** Diffs two normalised values. `desired` is the "after", `live` the "before". */
export function diffValues(
  desired: unknown,
  live: unknown,
  rules: DiffRules = NO_RULES,
  path = '',
): FieldChange[] {
  return inSync(desired, live, rules, path) ? [] : diffAt(desired, live, rules, path);
}

/** `diffValues` without its in-sync shortcut: the reference the shortcut must agree with (tests). */
export function diffValuesInFull(
  desired: unknown,
  live: unknown,
  rules: DiffRules = NO_RULES,
  path = '',
): FieldChange[] {
  return diffAt(desired, live, rules, path);
}

function diffAt(desired: unknown, live: unknown, rules: DiffRules, path: string): FieldChange[] {
  if (deepEqual(desired, live)) return [];
  const rule = ruleFor(rules, path);
  if (rule?.kind === 'set' && Array.isArray(desired) && Array.isArray(live)) {
    const [d, l] = [canonicalSet(desired), canonicalSet(live)];
    return deepEqual(d, l) ? [] : [change(path, l, d)];
  }
  if (rule?.kind === 'itemized' && (Array.isArray(desired) || Array.isArray(live))) {
    const [d, l] = [new Set((desired ?? []) as unknown[]), new Set((live ?? []) as unknown[])];
    const names = [...new Set([...d, ...l])].map(String).sort(compareKeys);
    return names
      .filter((name) => d.has(name) !== l.has(name))
      .map((name) =>
        change(childPointer(path, name), l.has(name) ? name : undefined, d.has(name) ? name : undefined),
      );
  }
  if (rule?.kind === 'keyed' && Array.isArray(desired) && Array.isArray(live)) {
    const keyOf = (item: unknown) => itemKey(item, rule.key);
    const d = new Map(desired.map((item) => [keyOf(item), item]));
    const l = new Map(live.map((item) => [keyOf(item), item]));
    const keys = [...new Set([...d.keys(), ...l.keys()])].sort(compareKeys);
    return keys.flatMap((key) => diffAt(d.get(key), l.get(key), rules, childPointer(path, key)));
  }
  if (isPlainObject(desired) && isPlainObject(live)) {
    const keys = [...new Set([...Object.keys(desired), ...Object.keys(live)])].sort(compareKeys);
    return keys.flatMap((key) => diffAt(desired[key], live[key], rules, childPointer(path, key)));
  }
  return [change(path, live, desired)];
}
