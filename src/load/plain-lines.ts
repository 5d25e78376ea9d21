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
 * test (test/load/plain-lines.property.test.ts) holds the paths to the same data.
 *
 * What it builds lives until the plan ends, so it builds little: lines are read as offsets
 * (line-cursor.ts), a scalar written many times (a domain, a region, a designation) is one
 * string, a key is the one interned string and every list is made at its exact length.
 */
import { LOAD_LIMITS } from './limits.js';
import { LineCursor, Outside, isTrimmed, outside } from './line-cursor.js';
import { key, scalar } from './plain-scalars.js';

/** Scans lines, documents and values; `resolve` gives a plain scalar its core-schema value. */
class Reader {
  private readonly text: string;
  // Scalars already read, by their text as written (quotes included) and context: the value
  // depends on nothing else, so a repeated one is neither checked nor resolved again, and every
  // occurrence shares one string.
  private readonly blockScalars = new Map<string, unknown>();
  private readonly flowScalars = new Map<string, unknown>();
  // The entries of the lists being read, innermost last: each list is cut from it at its exact
  // length (a list grown by push keeps room for 17 entries; most lists here hold one to three).
  private readonly items: unknown[] = [];
  private top = 0;

  constructor(
    private readonly lines: LineCursor,
    private readonly resolve: (text: string) => unknown,
  ) {
    this.text = lines.text;
  }

  documents(): unknown[] {
    const lines = this.lines;
    const docs: unknown[] = [];
    // A leading `---` opens the first document; every later one opens the next. No content, or a
    // `---` that opens nothing, is left to the exact path (an empty document).
    if (lines.at === 'marker') lines.advance();
    for (;;) {
      if (!lines.contentAt(0) || lines.dash()) outside();
      docs.push(this.mapping(0, 1));
      if (lines.at === 'end') return docs;
      if (lines.at !== 'marker') outside();
      lines.advance();
    }
  }

  /** The scalar text[from, to) in block (`flow` false) or flow context. */
  scalarAt(from: number, to: number, flow: boolean): unknown {
    const raw = this.text.slice(from, to);
    const known = flow ? this.flowScalars : this.blockScalars;
    let value = known.get(raw);
    if (value === undefined) known.set(raw, (value = scalar(raw, this.resolve, flow)));
    return value;
  }

  /** Starts a list: the mark to pass to `endList`. */
  beginList(): number {
    return this.top;
  }

  /** Adds an entry to the innermost list being read. */
  addItem(value: unknown): void {
    this.items[this.top++] = value;
  }

  /** The entries added since `mark`, as a list of their exact length. */
  endList(mark: number): unknown[] {
    const list = this.items.slice(mark, this.top);
    this.top = mark;
    return list;
  }

  private block(indent: number, depth: number): unknown {
    if (!this.lines.contentAt(indent)) return outside();
    return this.lines.dash() ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > LOAD_LIMITS.maxDepth) outside();
    const lines = this.lines;
    const text = this.text;
    const out: Record<string, unknown> = {};
    while (lines.contentAt(indent)) {
      if (lines.dash()) outside();
      const { start, end } = lines;
      const colon = text.indexOf(':', start);
      if (colon <= start || colon >= end) outside();
      const name = key(text, start, colon);
      if (Object.prototype.hasOwnProperty.call(out, name)) outside();
      lines.advance();
      if (colon + 1 === end) {
        // Nested on the lines below: deeper, or a sequence at the key's own indentation.
        if (lines.at !== 'content') return outside();
        if (lines.indent > indent) out[name] = this.block(lines.indent, depth + 1);
        else if (lines.indent === indent && lines.dash()) out[name] = this.sequence(indent, depth + 1);
        else outside();
      } else {
        if (text.charCodeAt(colon + 1) !== 32) outside();
        let from = colon + 2;
        while (from < end && isTrimmed(text.charCodeAt(from))) from++;
        out[name] = this.inline(from, end, depth + 1);
        // A deeper line after an inline value would continue a multi-line scalar.
        if (lines.deeperThan(indent)) outside();
      }
    }
    if (lines.deeperThan(indent)) outside();
    return out;
  }

  private sequence(indent: number, depth: number): unknown[] {
    if (depth > LOAD_LIMITS.maxDepth) outside();
    const lines = this.lines;
    const text = this.text;
    const mark = this.beginList();
    while (lines.contentAt(indent) && lines.dash()) {
      const from = lines.start + 2;
      const end = lines.end;
      const itemIndent = indent + 2;
      const first = text.charCodeAt(from);
      // Empty, `-  x`, `- - x` or `- -`: left to the exact path.
      if (
        from >= end ||
        first === 32 ||
        (first === 45 && (from + 1 === end || text.charCodeAt(from + 1) === 32))
      )
        outside();
      if (
        first !== 123 /* { */ &&
        first !== 91 /* [ */ &&
        first !== 34 /* " */ &&
        first !== 39 /* ' */ &&
        mappingItem(text, from, end)
      ) {
        // `- key: value`: a mapping whose first line shares the dash's line.
        lines.indent = itemIndent;
        lines.start = from;
        this.addItem(this.mapping(itemIndent, depth + 1));
      } else {
        lines.advance();
        this.addItem(this.inline(from, end, depth + 1));
        if (lines.deeperThan(indent)) outside();
      }
    }
    if (lines.deeperThan(indent)) outside();
    return this.endList(mark);
  }

  private inline(from: number, to: number, depth: number): unknown {
    const c = this.text.charCodeAt(from);
    if (from < to && (c === 123 /* { */ || c === 91) /* [ */) {
      const flow = new Flow(this, this.text, from, to);
      const value = flow.value(depth);
      if (!flow.done()) outside();
      return value;
    }
    return this.scalarAt(from, to, false);
  }
}

/**
 * True when a sequence entry's text (text[from, to)) opens a mapping: a `: ` after a first word
 * without spaces, or a `:` at its end (the `/^[^ ]*: |:$/` test, on offsets).
 */
function mappingItem(text: string, from: number, to: number): boolean {
  if (text.charCodeAt(to - 1) === 58 /* : */) return true;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 32) return text.charCodeAt(i - 1) === 58;
  return false;
}

/** A one-line flow collection: `{ a: b, c: [d, "e"] }`, read in place (text[i, end)). */
class Flow {
  constructor(
    private readonly reader: Reader,
    private readonly text: string,
    private i: number,
    private readonly end: number,
  ) {}

  // The character code at `at`, or -1 past the collection's line.
  private code(at: number): number {
    return at < this.end ? this.text.charCodeAt(at) : -1;
  }

  done(): boolean {
    this.space();
    return this.i === this.end;
  }

  private space(): void {
    while (this.code(this.i) === 32) this.i++;
  }

  value(depth: number): unknown {
    this.space();
    const c = this.code(this.i);
    if (c === 123 /* { */) return this.collection(125, depth);
    if (c === 91 /* [ */) return this.collection(93, depth);
    const from = this.i;
    return this.reader.scalarAt(from, this.token(from), true);
  }

  /**
   * Reads the scalar from `from` up to the next `,`, `:`, `]` or `}` (a quoted one whole) and
   * returns the offset just past its text, trailing blanks trimmed.
   */
  private token(from: number): number {
    const q = this.code(from);
    if (q === 34 /* " */ || q === 39 /* ' */) {
      const close = this.text.indexOf(q === 34 ? '"' : "'", from + 1);
      if (close < 0 || close >= this.end) outside();
      this.i = close + 1;
      return this.i;
    }
    // Char codes, not `',:]}'.includes(char)`: this loop sees every character of every flow value.
    for (let c = this.code(this.i); this.i < this.end; c = this.code(++this.i))
      if (c === 44 /* , */ || c === 58 /* : */ || c === 93 /* ] */ || c === 125 /* } */) break;
    let to = this.i;
    while (to > from && isTrimmed(this.text.charCodeAt(to - 1))) to--;
    return to;
  }

  private collection(close: 125 | 93, depth: number): unknown {
    if (depth > LOAD_LIMITS.maxDepth) outside();
    this.i++;
    // Only the collection being read is made: a large organisation has a million of them.
    const map: Record<string, unknown> | undefined = close === 125 ? {} : undefined;
    const mark = this.reader.beginList();
    this.space();
    if (this.code(this.i) === close) {
      this.i++;
      return map ?? this.reader.endList(mark);
    }
    for (;;) {
      if (map) {
        this.space();
        const from = this.i;
        const name = key(this.text, from, this.token(from));
        if (this.code(this.i) !== 58 /* : */ || this.code(this.i + 1) !== 32) outside();
        this.i++;
        if (Object.prototype.hasOwnProperty.call(map, name)) outside();
        map[name] = this.value(depth + 1);
      } else {
        this.reader.addItem(this.value(depth + 1));
      }
      this.space();
      const c = this.code(this.i++);
      if (c === close) return map ?? this.reader.endList(mark);
      if (c !== 44 /* , */) outside();
      this.space();
      // A trailing comma or an empty entry: left to the exact path.
      const next = this.code(this.i);
      if (next === 44 || next === close) outside();
    }
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
