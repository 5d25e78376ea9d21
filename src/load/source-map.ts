/**
 * Maps a JSON pointer inside a parsed document back to where it was written, so that schema and
 * semantic errors (which know only the data path) can point at `file:line:col`. Every key and
 * value is recorded while the YAML tree is converted, not searched for later.
 */
import type { SourcePosition } from '../diagnostics/diagnostic.js';

/** Where one node of the data came from: its value and, for mapping entries, its key. */
export interface NodeSpan {
  value: { start: SourcePosition; end: SourcePosition };
  key?: { start: SourcePosition; end: SourcePosition };
}

/** Pointer → span, for one document (a Map is one). */
export interface SourceMap {
  get(pointer: string): NodeSpan | undefined;
}

/** Escapes one path segment for a JSON pointer (RFC 6901). */
export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  // Nearly every segment needs no escape: skip the two replacements (the differ asks per field).
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a parent pointer and a segment. */
export function childPointer(parent: string, segment: string | number): string {
  return `${parent}/${escapePointerSegment(segment)}`;
}

/** Splits a pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Finds the span for a pointer, falling back to the nearest recorded ancestor: a missing member
 * (ajv's "required") points at the object that lacks it.
 */
export function nearestSpan(
  map: SourceMap,
  pointer: string,
): { pointer: string; span: NodeSpan } | undefined {
  let current = pointer;
  for (;;) {
    const span = map.get(current);
    if (span) return { pointer: current, span };
    if (current === '') return undefined;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
