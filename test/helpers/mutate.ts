/**
 * Random text edits of manifest files (delete, insert, swap or duplicate lines, YAML-significant
 * fragments), for the property tests that mutate the examples.
 */
import fc from 'fast-check';

/** One edit. */
export type TextEdit =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'duplicateLine'; a: number };

/** A text edit, at positions chosen relative to the text's length. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      ':',
      '- ',
      '\n  ',
      '{',
      '[',
      '"',
      "'",
      '&x ',
      '*x',
      '!!binary ',
      '---\n',
      '__proto__: 1\n',
      '\t',
      '#',
    ),
  }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), a: fc.nat() }),
);

/** Applies one edit to a text. */
export function applyEdit(text: string, e: TextEdit): string {
  const lines = text.split('\n');
  switch (e.op) {
    case 'delete': {
      const at = e.at % Math.max(1, text.length);
      return text.slice(0, at) + text.slice(at + e.len);
    }
    case 'insert': {
      const at = e.at % Math.max(1, text.length + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case 'swapLines': {
      const a = e.a % lines.length;
      const b = e.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'duplicateLine': {
      const a = e.a % lines.length;
      lines.splice(a, 0, lines[a]!);
      return lines.join('\n');
    }
  }
}
