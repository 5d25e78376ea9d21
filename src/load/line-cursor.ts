/**
 * The line cursor of the line reader (plain-lines.ts): the content lines of a text and its
 * document markers, read one at a time as the reader asks, as offsets into the text. No line is
 * copied out and no object is made per line: a large organisation is two hundred thousand lines,
 * and every string or object made here would only be more for the collector to sweep.
 */

/** A refusal: the text is outside the reader's subset (caught once, at the top). */
export class Outside extends Error {}

/** Throws Outside. */
export const outside = (): never => {
  throw new Outside();
};

/** What the cursor is on: a content line, a `---` marker, or the end of the text. */
export type At = 'content' | 'marker' | 'end';

/**
 * True for the characters String.prototype.trim removes (ECMAScript WhiteSpace and
 * LineTerminator): the reader's offsets trim exactly as the string methods it replaced did.
 */
export function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Moves through a text's lines; throws Outside at a line outside the subset. */
export class LineCursor {
  /** What the cursor is on: a content line, a `---` marker, or the end. */
  at: At = 'end';
  /** The content line's indentation (a `- key:` item's mapping sets it deeper, see plain-lines.ts). */
  indent = 0;
  /** Offset of the content line's first character after the indentation. */
  start = 0;
  /** Offset just past the content line's last character. */
  end = 0;
  private pos = 0;
  // The next `#` at or after the lines already read (text.length when none): one forward scan
  // for the whole text, not one per line.
  private hash = -1;

  constructor(readonly text: string) {
    this.advance();
  }

  /** True when the cursor is on a content line at `indent`. */
  contentAt(indent: number): boolean {
    return this.at === 'content' && this.indent === indent;
  }

  /** True when the cursor is on a content line deeper than `indent`. */
  deeperThan(indent: number): boolean {
    return this.at === 'content' && this.indent > indent;
  }

  /** True when the content line starts with `- ` (a sequence entry). */
  dash(): boolean {
    // A line never ends in a space (advance), so `- ` is followed by more of the same line.
    return this.text.charCodeAt(this.start) === 45 && this.text.charCodeAt(this.start + 1) === 32;
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
        this.at = 'marker';
        return;
      }
      if (text.charCodeAt(end - 1) === 32) outside();
      const first = text.charCodeAt(indent);
      if (first === 37 /* % */ || first === 63 /* ? */) outside();
      if (end - indent === 3 && text.startsWith('...', indent)) outside();
      if (this.hash < indent) {
        this.hash = text.indexOf('#', indent);
        if (this.hash < 0) this.hash = text.length;
      }
      if (this.hash < end) outside();
      this.at = 'content';
      this.indent = indent - start;
      this.start = indent;
      this.end = end;
      return;
    }
    this.at = 'end';
  }
}
