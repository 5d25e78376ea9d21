/** Markdown escaping: each helper on the characters that could break out of its context. */
import { describe, expect, it } from 'vitest';
import {
  codeSpan,
  escapeHtml,
  escapeLinkTarget,
  escapeMarkdown,
  fencedBlock,
} from '../../src/render/plan-markdown-escape.js';

describe('Markdown escaping', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<b>&', '&lt;b&gt;&amp;'],
    ['*x* _y_ `z`', '\\*x\\* \\_y\\_ \\`z\\`'],
    ['# h\n- item', '\\# h\\\\n\\- item'],
    ['[l](u)', '\\[l\\]\\(u\\)'],
    ['1. é 😀', '1\\. é 😀'],
  ])('escapes prose %j as %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['plain', {}, '`plain`'],
    ['a`b', {}, '``a`b``'],
    ['`x`', {}, '`` `x` ``'],
    [' x ', {}, '`  x  `'],
    ['a|b', { inTable: true }, '`a\\|b`'],
    ['a|b', {}, '`a|b`'],
    ['', {}, '*(empty)*'],
    ['x\ny', {}, '`x\\ny`'],
  ])('wraps %j (%j) in the code span %j', (input, options, expected) => {
    expect(codeSpan(input, options)).toBe(expected);
  });

  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`</summary>"'&`)).toBe('&lt;/summary&gt;&quot;&#39;&amp;');
  });

  it('makes a fence longer than any backtick run inside', () => {
    expect(fencedBlock(['a ```` b'], 'diff')).toBe('`````diff\na ```` b\n`````');
    expect(fencedBlock(['plain'])).toBe('```\nplain\n```');
  });

  it('percent-encodes what would end a link target', () => {
    expect(escapeLinkTarget('https://x/a b(c)<d>')).toBe('https://x/a%20b%28c%29%3Cd%3E');
  });
});
