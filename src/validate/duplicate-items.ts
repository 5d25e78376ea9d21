/**
 * The run-time half of the `uniqueItems` keyword (unique-items-keyword.ts): which two entries of
 * a list are equal, found as Ajv's own check finds them but in linear time. Ajv compares every
 * pair with a deep equality whenever the entries are objects or their type hides behind a `$ref`
 * (every list of regions, accounts and groups here): a 1 MB pool of 20,000 accounts took 52 s of
 * CPU to be told it has more than 25. The generated validators import this module, so it loads
 * nothing of Ajv.
 */
import deepEqual from 'fast-deep-equal';

// Below this many entries the pairs are compared as Ajv compares them: cheaper than the keys.
const PAIRWISE_MAX = 16;

/**
 * A key equal for two values exactly when the deep equality Ajv uses finds them equal (key order
 * ignored, -0 equal to 0, NaN to NaN), or undefined for a value outside plain data (then the
 * pairs are compared instead).
 */
function canonical(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? 'n0' : `n${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'object': {
      if (value === null) return 'z';
      // Deeper than any loaded document can be (load/limits.ts): compared pairwise instead.
      if (depth > 128) return undefined;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto === Array.prototype) {
        const parts: string[] = [];
        for (const item of value as unknown[]) {
          const part = canonical(item, depth + 1);
          if (part === undefined) return undefined;
          parts.push(part);
        }
        return `[${parts.join(',')}]`;
      }
      if (proto !== Object.prototype) return undefined;
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const part = canonical(record[key], depth + 1);
        if (part === undefined) return undefined;
        parts.push(`${JSON.stringify(key)}:${part}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return undefined;
  }
}

/**
 * Ajv's deep equality on plain data, except that a mapping with a `valueOf` or `toString` key is
 * compared like any other: Ajv's calls the key's value, and two such entries crashed the tool
 * ("a.valueOf is not a function"). Anything but plain data is still compared by Ajv's.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a !== a && b !== b;
  const proto = Object.getPrototypeOf(a) as unknown;
  if (proto !== Object.getPrototypeOf(b)) return deepEqual(a, b);
  if (proto === Array.prototype) {
    const [x, y] = [a as unknown[], b as unknown[]];
    if (x.length !== y.length) return false;
    for (let i = x.length; i--;) if (!sameData(x[i], y[i])) return false;
    return true;
  }
  if (proto !== Object.prototype) return deepEqual(a, b);
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) if (!Object.hasOwn(y, key) || !sameData(x[key], y[key])) return false;
  return true;
}

/** Ajv's pair search: the last entry equal to an earlier one, and the last such earlier one. */
function pairwise(items: readonly unknown[]): [number, number] | undefined {
  for (let i = items.length; i--;) for (let j = i; j--;) if (sameData(items[i], items[j])) return [i, j];
  return undefined;
}

// FNV-1a, 32 bits: the string's every code unit, no allocation.
function stringHash(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * A 32-bit hash, equal for two values whenever `canonical` gives them one key (mapping keys in any
 * order, -0 as 0, NaN as NaN), or undefined where `canonical` gives none. Unlike the key it builds
 * no string: a thousand pools of 25 accounts cost 25 ms of CPU in keys. Exported for the test
 * that makes two entries collide.
 */
export function valueHash(value: unknown, depth = 0): number | undefined {
  switch (typeof value) {
    case 'string':
      return stringHash(value);
    case 'number':
      // -0 and 0 alike (their keys are equal); every other number by its text, as its key is.
      return value === 0 ? 0x3a0 : Math.imul(stringHash(String(value)), 0x2f) ^ 0x6e;
    case 'boolean':
      return value ? 0x74 : 0x66;
    case 'object': {
      if (value === null) return 0x7a;
      if (depth > 128) return undefined;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto === Array.prototype) {
        const items = value as unknown[];
        let h = 0x5b ^ items.length;
        for (let i = 0; i < items.length; i++) {
          const part = valueHash(items[i], depth + 1);
          if (part === undefined) return undefined;
          h = Math.imul(h ^ part, 0x01000193);
        }
        return h;
      }
      if (proto !== Object.prototype) return undefined;
      // Summed per key, so that key order does not matter (the key sorts its keys).
      const record = value as Record<string, unknown>;
      let h = 0x7b;
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        const part = valueHash(record[key], depth + 1);
        if (part === undefined) return undefined;
        h = (h + Math.imul(stringHash(key) ^ Math.imul(part, 0x2c1b3c6d), 0x297a2d39)) | 0;
      }
      return h;
    }
    default:
      return undefined;
  }
}

// The search by key, each entry's key built (the answer when hashes collide).
function byKey(items: readonly unknown[]): [number, number] | undefined {
  const last = new Map<string, number>();
  let found: [number, number] | undefined;
  for (let k = 0; k < items.length; k++) {
    const key = canonical(items[k], 0);
    if (key === undefined) return pairwise(items);
    const earlier = last.get(key);
    if (earlier !== undefined) found = [k, earlier];
    last.set(key, k);
  }
  return found;
}

/**
 * The pair `[i, j]` (j < i) Ajv's `uniqueItems` reports for `items` — the last entry that equals
 * an earlier one, and the last earlier one it equals — or undefined when all entries differ.
 */
export default function duplicatePair(items: readonly unknown[]): [number, number] | undefined {
  if (items.length <= PAIRWISE_MAX) return pairwise(items);
  // Entries by hash; an entry whose hash an earlier one has is compared with the latest such.
  // Two different entries of one hash (one in four billion per pair) hand the list to the keys,
  // so the search stays linear whatever the input.
  const last = new Map<number, number>();
  let found: [number, number] | undefined;
  for (let k = 0; k < items.length; k++) {
    const h = valueHash(items[k]);
    if (h === undefined) return pairwise(items);
    const earlier = last.get(h);
    if (earlier !== undefined) {
      if (!sameData(items[k], items[earlier])) return byKey(items);
      found = [k, earlier];
    }
    last.set(h, k);
  }
  return found;
}
