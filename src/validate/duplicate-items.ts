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

/**
 * The pair `[i, j]` (j < i) Ajv's `uniqueItems` reports for `items` — the last entry that equals
 * an earlier one, and the last earlier one it equals — or undefined when all entries differ.
 */
export default function duplicatePair(items: readonly unknown[]): [number, number] | undefined {
  if (items.length <= PAIRWISE_MAX) return pairwise(items);
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
