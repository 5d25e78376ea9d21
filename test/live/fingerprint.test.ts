/** Fingerprints: canonical JSON ignores key order and undefined members; dates become ISO strings. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson, contentHash, fingerprintOf, isoTime } from '../../src/live/fingerprint.js';

function shuffledKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffledKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, shuffledKeys(v)]),
    );
  }
  return value;
}

describe('fingerprint', () => {
  test('key order never changes the hash', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(contentHash(shuffledKeys(value))).toBe(contentHash(value));
      }),
    );
  });

  test('canonical JSON: sorted keys, undefined members dropped, dates as ISO', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: new Date(0) } })).toBe(
      '{"a":{"c":"1970-01-01T00:00:00.000Z"},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });

  test('a different value gives a different hash', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('fingerprintOf carries key, id and the ISO time when there is one', () => {
    expect(fingerprintOf('K', 'i', {}, new Date(1_000))).toEqual({
      key: 'K',
      id: 'i',
      hash: contentHash({}),
      lastUpdatedAt: '1970-01-01T00:00:01.000Z',
    });
    expect(fingerprintOf('K', 'i', {})).not.toHaveProperty('lastUpdatedAt');
    expect(isoTime('not a date')).toBeUndefined();
  });
});
