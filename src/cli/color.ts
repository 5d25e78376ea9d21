/**
 * Whether the output gets ANSI colour. One decision for every renderer, made from the
 * conventions users set once for all their tools: `--no-color`, `NO_COLOR` (https://no-color.org:
 * any non-empty value), `FORCE_COLOR` (colour even into a pipe; `0` or `false` turn it off),
 * `TERM=dumb` (a terminal that shows escape codes literally), and otherwise whether stdout is a
 * terminal at all.
 */

/** The inputs of the decision: the environment and whether stdout is a terminal. */
export interface ColorContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
}

/**
 * True when output should be coloured. Precedence: `--no-color`, then `NO_COLOR`, then
 * `FORCE_COLOR`, then `TERM=dumb`, then the terminal test.
 */
export function useColor(context: ColorContext, flag = true): boolean {
  if (!flag) return false;
  if (context.env['NO_COLOR']) return false;
  const force = context.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (context.env['TERM'] === 'dumb') return false;
  return context.isTTY;
}
