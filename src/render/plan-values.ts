/**
 * How the plan renderers print values: one canonical JSON form (object keys sorted, so the
 * desired side from YAML and the live side from the API print alike), a compact one-line form
 * for field diffs with a visible truncation marker, and a sanitiser that keeps user text on one
 * line and free of terminal control sequences.
 */

import { KNOWN_AFTER_APPLY } from '../plan/types.js';
import { redactSecrets } from './redact.js';
export { KNOWN_AFTER_APPLY };

/** A value that `JSON.stringify` prints the same way every time. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalize(value: unknown, seen: Set<object>): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no NaN or Infinity; -0 prints as 0 anyway.
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
  }
  if (value === null) return null;
  const object = value as object;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
  // A cycle cannot come from parsed JSON or YAML, but a renderer must not hang or throw on one.
  if (seen.has(object)) return '[Circular]';
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.map((item) => canonicalize(item, seen) ?? null);
    const record = object as Record<string, unknown>;
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(record).sort(compareKeys)) {
      const v = canonicalize(record[key], seen);
      // defineProperty, so a `__proto__` key stays an ordinary key instead of changing the prototype.
      if (v !== undefined) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true });
    }
    return out;
  } finally {
    seen.delete(object);
  }
}

/**
 * The canonical JSON form of any value: sorted object keys, no `undefined`, no non-finite numbers,
 * bigints and dates as strings. Returns `undefined` only for a value JSON cannot hold at all.
 */
export function canonicalValue(value: unknown): JsonValue | undefined {
  return canonicalize(value, new Set());
}

/**
 * Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. Returns the text
 * unchanged when it fits.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  // Do not leave half of an astral character (emoji) at the end.
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/** `text` cut to `max` units with a marker that says how much was left out. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = cutText(text, max);
  return `${head}… (${text.length - head.length} more characters)`;
}

/** The longest a field value is printed before it is truncated. */
export const VALUE_LIMIT = 200;

/**
 * A value on one line: strings in JSON quotes, objects and arrays as compact canonical JSON,
 * `(known after apply)` bare, truncated past `limit` characters.
 */
export function formatValue(value: unknown, limit = VALUE_LIMIT): string {
  if (value === KNOWN_AFTER_APPLY) return KNOWN_AFTER_APPLY;
  const json = canonicalValue(value);
  // JSON escapes C0 controls, so the text is one line; sanitizeLine also escapes C1 and bidi controls.
  const text = json === undefined ? 'null' : JSON.stringify(json);
  return truncateText(sanitizeLine(text), limit);
}

/**
 * Characters that must not reach a terminal or a one-line Markdown construct raw: C0 and C1
 * controls (newlines, ESC that starts ANSI sequences) and the bidirectional overrides that can make
 * text read differently from what it is ("trojan source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` on one line, with control and bidi characters shown as escapes (`\n`, `\u001b`) and
 * credentials redacted (redact.ts): every renderer's user text and error message passes here.
 */
export function sanitizeLine(text: string): string {
  return redactSecrets(text).replace(
    UNSAFE,
    (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
