/**
 * Terminal colour for the text plan. Colour is a function passed to the renderer, so the same
 * code prints plain text, ANSI codes, or (in tests) readable placeholders.
 */

/** The colours the plan uses. */
export type Color = 'green' | 'yellow' | 'magenta' | 'red' | 'dim' | 'bold';

/** Opening SGR code per colour; every span closes with {@link ANSI_RESET}. */
export const ANSI_CODES: { readonly [C in Color]: string } = {
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  magenta: '\u001b[35m',
  red: '\u001b[31m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
};

/** Resets every attribute. */
export const ANSI_RESET = '\u001b[0m';

/** Wraps text in a colour (or not). */
export type Paint = (color: Color | undefined, text: string) => string;

/** Leaves text as it is. */
export const plainPaint: Paint = (_color, text) => text;

/** ANSI colour codes; an empty span stays empty so no stray codes are printed. */
export const ansiPaint: Paint = (color, text) =>
  color === undefined || text === '' ? text : `${ANSI_CODES[color]}${text}${ANSI_RESET}`;
