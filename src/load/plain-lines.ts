/**
 * The fastest path of manifest parsing: a line-by-line reader of the narrow YAML that generated
 * and hand-written manifests mostly are — block mappings and sequences indented by spaces,
 * one-line flow collections, plain scalars, and quoted scalars without escapes. It reads an
 * organisation of 10,000 projects several times faster than js-yaml (fast-yaml.ts), which stays
 * the path for everything else. It gives up (undefined) on anything it does not fully
 * understand: tabs, carriage returns, comments after content, `#` inside a value, escapes,
 * multi-line or block scalars, empty or top-level non-mapping documents, `...`, directives,
 * anchors, tags, explicit keys, duplicate or non-string keys, `- - x`, nesting deeper than the
 * limit. What it accepts, the `yaml` library reads the same way: the differential property
 * test (test/load/fast-yaml.property.test.ts) holds the paths to the same data.
 */
import { LOAD_LIMITS } from './limits.js';

/** A refusal: the text is outside the subset (caught once, at the top). */
class Outside extends Error {}

const outside = (): never => {
  throw new Outside();
};

/** One content line: its indentation and the text after it. */
interface Line {
  indent: number;
  text: string;
}

// Keys the exact path reports or resolves to something other than a string: left to it.
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NON_STRING_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A plain scalar's first character (YAML's indicators excluded) and characters it must not hold
// here: `#` may start a comment, quotes and flow indicators are other tokens (in flow context).
const PLAIN_START = /^[A-Za-z0-9_./~+(]|^-[^\s\-[\]{},]/;
const FLOW_PLAIN = /^[^,[\]{}#"':]+$/;
const BLOCK_PLAIN = /^[^[\]{}#]+$/;

// Keys already accepted: a large organisation repeats a few dozen keys a million times. Bounded,
// so a file of endless distinct keys cannot grow it without end.
const ACCEPTED_KEYS = new Set<string>();
const ACCEPTED_KEYS_MAX = 4096;

function key(text: string): string {
  if (ACCEPTED_KEYS.has(text)) return text;
  if (!KEY.test(text) || NON_STRING_KEYS.has(text) || FORBIDDEN_KEYS.has(text)) outside();
  if (ACCEPTED_KEYS.size < ACCEPTED_KEYS_MAX) ACCEPTED_KEYS.add(text);
  return text;
}

/** Scans lines, documents and values; `resolve` gives a plain scalar its core-schema value. */
class Reader {
  constructor(
    private readonly lines: LineCursor,
    private readonly resolve: (text: string) => unknown,
  ) {}

  documents(): unknown[] {
    const docs: unknown[] = [];
    // A leading `---` opens the first document; every later one opens the next. No content, or a
    // `---` that opens nothing, is left to the exact path (an empty document).
    if (this.lines.current === '---') this.lines.advance();
    for (;;) {
      const line = this.lines.current;
      if (line === undefined || line === '---' || line.indent !== 0 || line.text.startsWith('- ')) outside();
      docs.push(this.mapping(0, 1));
      if (this.lines.current === undefined) return docs;
      if (this.lines.current !== '---') outside();
      this.lines.advance();
    }
  }

  private peek(): Line | undefined {
    const line = this.lines.current;
    return line === '---' ? undefined : line;
  }

  private block(indent: number, depth: number): unknown {
    const line = this.peek();
    if (!line || line.indent !== indent) return outside();
    return line.text.startsWith('- ') ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > LOAD_LIMITS.maxDepth) outside();
    const out: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (line.text.startsWith('- ')) outside();
      const colon = line.text.indexOf(':');
      if (colon <= 0) outside();
      const name = key(line.text.slice(0, colon));
      if (Object.prototype.hasOwnProperty.call(out, name)) outside();
      const rest = line.text.slice(colon + 1);
      this.lines.advance();
      if (rest === '') {
        // Nested on the lines below: deeper, or a sequence at the key's own indentation.
        const next = this.peek();
        if (!next) return outside();
        if (next.indent > indent) out[name] = this.block(next.indent, depth + 1);
        else if (next.indent === indent && next.text.startsWith('- '))
          out[name] = this.sequence(indent, depth + 1);
        else outside();
      } else {
        if (rest[0] !== ' ') outside();
        out[name] = this.inline(rest.trimStart(), depth + 1);
        // A deeper line after an inline value would continue a multi-line scalar.
        const next = this.peek();
        if (next && next.indent > indent) outside();
      }
    }
    const after = this.peek();
    if (after && after.indent > indent) outside();
    return out;
  }

  private sequence(indent: number, depth: number): unknown[] {
    if (depth > LOAD_LIMITS.maxDepth) outside();
    const out: unknown[] = [];
    for (
      let line = this.peek();
      line && line.indent === indent && line.text.startsWith('- ');
      line = this.peek()
    ) {
      const item = line.text.slice(2);
      const itemIndent = indent + 2;
      if (item === '' || item[0] === ' ' || item.startsWith('- ') || item === '-') outside();
      if (
        item[0] !== '{' &&
        item[0] !== '[' &&
        item[0] !== '"' &&
        item[0] !== "'" &&
        /^[^ ]*: |:$/.test(item)
      ) {
        // `- key: value`: a mapping whose first line shares the dash's line.
        this.lines.current = { indent: itemIndent, text: item };
        out.push(this.mapping(itemIndent, depth + 1));
      } else {
        this.lines.advance();
        out.push(this.inline(item, depth + 1));
        const next = this.peek();
        if (next && next.indent > indent) outside();
      }
    }
    const after = this.peek();
    if (after && after.indent > indent) outside();
    return out;
  }

  private inline(text: string, depth: number): unknown {
    if (text[0] === '{' || text[0] === '[') {
      const flow = new Flow(text, this.resolve);
      const value = flow.value(depth);
      if (!flow.done()) outside();
      return value;
    }
    return scalar(text, this.resolve, false);
  }
}

function quoted(text: string): string | undefined {
  const q = text[0];
  if (q !== '"' && q !== "'") return undefined;
  if (text.length < 2 || text[text.length - 1] !== q) outside();
  const body = text.slice(1, -1);
  if (body.includes(q) || body.includes('\\')) outside();
  return body;
}

function scalar(text: string, resolve: (text: string) => unknown, flow: boolean): unknown {
  const q = quoted(text);
  if (q !== undefined) return q;
  if (!PLAIN_START.test(text) || text.endsWith(' ') || text.endsWith(':')) outside();
  // No bracket inside a block scalar either: every `[` or `{` of an accepted text opens a flow
  // collection whose depth is checked here, so skipping parse.ts's bracket pre-scan is safe.
  if (flow ? !FLOW_PLAIN.test(text) : !BLOCK_PLAIN.test(text) || text.includes(': ')) outside();
  return resolve(text);
}

/** A one-line flow collection: `{ a: b, c: [d, "e"] }`. */
class Flow {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly resolve: (text: string) => unknown,
  ) {}

  done(): boolean {
    this.space();
    return this.i === this.text.length;
  }

  private space(): void {
    while (this.text[this.i] === ' ') this.i++;
  }

  value(depth: number): unknown {
    this.space();
    const c = this.text[this.i];
    if (c === '{') return this.collection('}', depth);
    if (c === '[') return this.collection(']', depth);
    return scalar(this.token(), this.resolve, true);
  }

  /** The scalar text up to the next `,`, `:`, `]` or `}` (quoted ones whole). */
  private token(): string {
    const start = this.i;
    const q = this.text[start];
    if (q === '"' || q === "'") {
      const end = this.text.indexOf(q, start + 1);
      if (end < 0) outside();
      this.i = end + 1;
      return this.text.slice(start, this.i);
    }
    // Char codes, not `',:]}'.includes(char)`: this loop sees every character of every flow value.
    for (let c = this.text.charCodeAt(this.i); this.i < this.text.length; c = this.text.charCodeAt(++this.i))
      if (c === 44 /* , */ || c === 58 /* : */ || c === 93 /* ] */ || c === 125 /* } */) break;
    return this.text.slice(start, this.i).trimEnd();
  }

  private collection(close: '}' | ']', depth: number): unknown {
    if (depth > LOAD_LIMITS.maxDepth) outside();
    this.i++;
    // Only the collection being read is allocated: a large organisation has a million of them.
    const map: Record<string, unknown> | undefined = close === '}' ? {} : undefined;
    const list: unknown[] | undefined = map ? undefined : [];
    this.space();
    if (this.text[this.i] === close) {
      this.i++;
      return map ?? list;
    }
    for (;;) {
      if (map) {
        this.space();
        const name = key(this.token());
        if (this.text[this.i] !== ':' || this.text[this.i + 1] !== ' ') outside();
        this.i++;
        if (Object.prototype.hasOwnProperty.call(map, name)) outside();
        map[name] = this.value(depth + 1);
      } else {
        list!.push(this.value(depth + 1));
      }
      this.space();
      const c = this.text[this.i++];
      if (c === close) return map ?? list;
      if (c !== ',') outside();
      this.space();
      // A trailing comma or an empty entry: left to the exact path.
      if (this.text[this.i] === ',' || this.text[this.i] === close) outside();
    }
  }
}

/**
 * The content lines of a text and its document markers, read one at a time as the reader asks
 * (an array of every line would outlive a whole file's parse, and the collector would copy it).
 * Throws Outside at a line outside the subset.
 */
class LineCursor {
  /** The line being read: content, a document marker, or undefined past the end. */
  current: Line | '---' | undefined;
  private pos = 0;

  constructor(private readonly text: string) {
    this.advance();
  }

  /** Moves to the next content line or marker (blank lines and whole-line comments are skipped). */
  advance(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const start = this.pos;
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      this.pos = end + 1;
      let indent = start;
      while (text.charCodeAt(indent) === 32) indent++;
      if (indent === end) {
        // A blank line; one of spaces only is left to the exact path (see fast-yaml.ts).
        if (end > start) outside();
        continue;
      }
      // A whole-line comment.
      if (text.charCodeAt(indent) === 35 /* # */) continue;
      if (indent === start && text.startsWith('---', start)) {
        if (end !== start + 3) outside();
        this.current = '---';
        return;
      }
      if (text.charCodeAt(end - 1) === 32) outside();
      const line = text.slice(indent, end);
      if (line === '...' || line[0] === '%' || line[0] === '?' || line.includes('#')) outside();
      this.current = { indent: indent - start, text: line };
      return;
    }
    this.current = undefined;
  }
}

/**
 * The documents of `text` when it is inside this reader's subset, else undefined. `resolve`
 * gives a plain scalar its value (fast-yaml.ts passes the YAML 1.2 core schema's resolution).
 */
export function parsePlainLines(text: string, resolve: (text: string) => unknown): unknown[] | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  try {
    return new Reader(new LineCursor(text), resolve).documents();
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  }
}
