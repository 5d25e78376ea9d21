/**
 * A cheap pre-scan for deeply nested flow collections (`[[[[…`): the YAML parser would spend
 * seconds (or exhaust its stack) on millions of levels before our own depth check could run.
 * Block nesting needs indentation, so a 5 MB file cannot nest deep enough in block style to hurt.
 */

/** Offset of the first `[` or `{` that opens a level deeper than `maxDepth`, or -1. */
export function firstExcessiveFlowNesting(text: string, maxDepth: number): number {
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    switch (c) {
      case '"':
      case "'":
        // A quote starts a scalar only where a value can start; inside plain words (it's) it is text.
        if (i === 0 || /[\s[{,:]/.test(text[i - 1]!)) quote = c;
        break;
      case '#':
        if (i === 0 || /\s/.test(text[i - 1]!)) comment = true;
        break;
      case '[':
      case '{':
        if (++depth > maxDepth) return i;
        break;
      case ']':
      case '}':
        if (depth > 0) depth--;
        break;
      default:
        break;
    }
  }
  return -1;
}
