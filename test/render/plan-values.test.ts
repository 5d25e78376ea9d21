/** Value formatting: canonical JSON, one-line compact values, truncation, sanitising. */
import { describe, expect, it } from 'vitest';
import {
  canonicalValue,
  cutText,
  formatValue,
  sanitizeLine,
  truncateText,
} from '../../src/render/plan-values.js';

describe('plan values', () => {
  it('sorts object keys at every depth and drops undefined', () => {
    expect(JSON.stringify(canonicalValue({ b: [{ d: 1, c: undefined, a: 2 }], a: null }))).toBe(
      '{"a":null,"b":[{"a":2,"d":1}]}',
    );
  });

  it('keeps a __proto__ key as an ordinary key', () => {
    const value = canonicalValue(JSON.parse('{"__proto__":{"x":1}}'));
    expect(JSON.stringify(value)).toBe('{"__proto__":{"x":1}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it.each([
    ['text', '"text"'],
    ['(known after apply)', '(known after apply)'],
    [{ k: '(known after apply)' }, '{"k":"(known after apply)"}'],
    [undefined, 'null'],
    [Infinity, 'null'],
    ['line\nbreak\u202e', '"line\\nbreak\\u202e"'],
  ])('formats %j as %s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });

  it('never splits an emoji when cutting', () => {
    expect(cutText('a😀', 2)).toBe('a');
    expect(truncateText('😀😀😀', 3)).toBe('😀… (4 more characters)');
  });

  it('shows control characters as escapes', () => {
    expect(sanitizeLine('a\tb\r\n\u001b[2J\u0085')).toBe('a\\tb\\r\\n\\u001b[2J\\u0085');
  });
});
