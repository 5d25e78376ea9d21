/**
 * The keys and scalars of the line reader (plain-lines.ts): which texts it accepts as a key or a
 * scalar (anything else is left to the exact path), and the one string it keeps for each key.
 */
import { outside } from './line-cursor.js';

// Keys the exact path reports or resolves to something other than a string: left to it.
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NON_STRING_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A plain scalar's first character (YAML's indicators excluded) and characters it must not hold
// here: `#` may start a comment, quotes and flow indicators are other tokens (in flow context).
const PLAIN_START = /^[A-Za-z0-9_./~+(]|^-[^\s\-[\]{},]/;
const FLOW_PLAIN = /^[^,[\]{}#"':]+$/;
const BLOCK_PLAIN = /^[^[\]{}#]+$/;

// Keys already accepted, by first character and length: a large organisation repeats a few dozen
// keys a million times, and a key found here is neither copied out of the text nor checked again.
// Bounded (per bucket and in all), so a file of endless distinct keys cannot grow it without end.
const ACCEPTED_KEYS = new Map<number, string[]>();
const ACCEPTED_KEYS_BUCKET = 16;
const ACCEPTED_KEYS_MAX = 4096;
let acceptedKeys = 0;

/** The key written at text[from, to): checked on first sight, then the one (interned) string. */
export function key(text: string, from: number, to: number): string {
  const slot = (text.charCodeAt(from) << 16) | (to - from);
  const bucket = ACCEPTED_KEYS.get(slot);
  if (bucket)
    for (const known of bucket) if (known.length === to - from && text.startsWith(known, from)) return known;
  const name = text.slice(from, to);
  if (!KEY.test(name) || NON_STRING_KEYS.has(name) || FORBIDDEN_KEYS.has(name)) outside();
  if (acceptedKeys < ACCEPTED_KEYS_MAX && (bucket?.length ?? 0) < ACCEPTED_KEYS_BUCKET) {
    // The property-key form of the name (what an object's key table holds), kept rather than a
    // copy that every store would look up again.
    const interned = Object.keys({ [name]: 0 })[0]!;
    if (bucket) bucket.push(interned);
    else ACCEPTED_KEYS.set(slot, [interned]);
    acceptedKeys++;
    return interned;
  }
  return name;
}

/** The body of a quoted scalar without quotes or escapes, undefined when `text` is not quoted. */
function quoted(text: string): string | undefined {
  const q = text[0];
  if (q !== '"' && q !== "'") return undefined;
  if (text.length < 2 || text[text.length - 1] !== q) outside();
  const body = text.slice(1, -1);
  if (body.includes(q) || body.includes('\\')) outside();
  return body;
}

/** The value of a one-line scalar in block or flow context (throws Outside outside the subset). */
export function scalar(text: string, resolve: (text: string) => unknown, flow: boolean): unknown {
  const q = quoted(text);
  if (q !== undefined) return q;
  if (!PLAIN_START.test(text) || text.endsWith(' ') || text.endsWith(':')) outside();
  // No bracket inside a block scalar either: every `[` or `{` of an accepted text opens a flow
  // collection whose depth is checked here, so skipping parse.ts's bracket pre-scan is safe.
  if (flow ? !FLOW_PLAIN.test(text) : !BLOCK_PLAIN.test(text) || text.includes(': ')) outside();
  return resolve(text);
}
