/**
 * Escaping for GitHub-flavoured Markdown. A resource name, a description or a refusal detail can
 * contain anything, and a PR comment must show it as text: never as a link, a heading, HTML, a
 * broken table row or a code block that swallows the rest of the comment. Every helper first
 * puts the text on one line (see `sanitizeLine`), because a newline ends tables, HTML blocks and
 * list items.
 */
import { sanitizeLine } from './plan-values.js';

/** Markdown punctuation that can start or end inline syntax; each gets a backslash. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~]/g;

/**
 * Prose for ordinary Markdown (also safe in a table cell): `<`, `>`, `&` as HTML entities,
 * Markdown punctuation backslash-escaped (so `|` cannot end a table cell, `*` cannot start
 * emphasis and `1.` or `#` cannot start a list or a heading).
 */
export function escapeMarkdown(text: string): string {
  return sanitizeLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/** Text inside raw HTML (`<summary>`, `<code>`): Markdown is not parsed there, HTML is. */
export function escapeHtml(text: string): string {
  return sanitizeLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * A code span that shows `text` literally: the fence is one backtick longer than the longest run
 * inside, and padded with spaces when the text touches a backtick or would lose its own edge
 * spaces. In a table cell `|` still splits the row even inside a code span, so it is escaped as
 * `\|`, which GFM removes before the span is parsed.
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  const line = sanitizeLine(text);
  if (line === '') return '*(empty)*';
  const content = options.inTable ? line.replace(/\|/g, '\\|') : line;
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad =
    content.startsWith('`') ||
    content.endsWith('`') ||
    (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '');
  return pad ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}

/**
 * A fenced code block around lines that are already one-line-safe: the fence is longer than any
 * backtick run inside, so no line can close it early.
 */
export function fencedBlock(lines: readonly string[], info = ''): string {
  const body = lines.map(sanitizeLine).join('\n');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** A link target made safe for `[text](target)`: spaces, brackets and quotes percent-encoded. */
export function escapeLinkTarget(url: string): string {
  return sanitizeLine(url).replace(
    /[\s()<>[\]"'`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
