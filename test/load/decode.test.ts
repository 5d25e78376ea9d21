/**
 * decode.ts asks the native UTF-8 check first and walks the bytes itself only to locate a
 * problem: the two must agree on every input, or a file would be refused without a location (or
 * let through with replacement characters).
 */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeManifestBytes, firstInvalidUtf8 } from '../../src/load/decode.js';

// Bytes that stress UTF-8: lead bytes of every length, continuations, overlong and surrogate leads.
const tricky = fc.constantFrom(
  0x41,
  0x0a,
  0x7f,
  0x80,
  0xbf,
  0xc0,
  0xc1,
  0xc2,
  0xdf,
  0xe0,
  0xed,
  0xef,
  0xf0,
  0xf4,
  0xf5,
  0xff,
);
const bytes = fc
  .array(fc.oneof(tricky, fc.integer({ min: 1, max: 255 })), { maxLength: 12 })
  .map((a) => Uint8Array.from(a));

describe('UTF-8 validation', () => {
  it('the native check and the locating walk agree', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(isUtf8(b)).toBe(firstInvalidUtf8(b) < 0);
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees on encoded text of any code point but NUL (refused as binary)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((s) => !s.includes('\0')),
        (s) => {
          const b = new TextEncoder().encode(s);
          expect(firstInvalidUtf8(b)).toBe(-1);
          expect(decodeManifestBytes('f.yaml', b)).toEqual({ ok: true, text: s.replace(/^\uFEFF/, '') });
        },
      ),
    );
  });

  it('locates an overlong sequence after valid text', () => {
    const b = Uint8Array.from([0x61, 0x0a, 0x62, 0xc0, 0xaf]);
    const result = decodeManifestBytes('f.yaml', b);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostic.code).toBe('SG102');
      expect(result.diagnostic.location?.start).toEqual({ line: 2, col: 2 });
    }
  });
});
