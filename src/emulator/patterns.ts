/**
 * Model patterns compiled for JavaScript. Smithy/botocore patterns are Java regexes without
 * anchors; the services apply them as full matches, so we wrap them as `^(?:p)$`. The `u` flag is
 * needed for `\p{L}` and friends. Patterns are compiled on first use and cached; a pattern that
 * JavaScript cannot compile is skipped (recorded in `skippedPatterns`) rather than failing every
 * request. At generation time all patterns of the served operations compiled with `u`.
 */

const cache = new Map<string, RegExp | null>();

/** Patterns that could not be compiled and are therefore not enforced. */
export const skippedPatterns = new Set<string>();

/** The compiled full-match regex of a model pattern, or undefined when it cannot be compiled. */
export function compilePattern(pattern: string): RegExp | undefined {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  let compiled: RegExp | null = null;
  try {
    compiled = new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    // Without `u`, `\p{L}` would silently mean "p{L}": only retry when no property escape is used.
    if (!/\\[pP]\{/.test(pattern)) {
      try {
        compiled = new RegExp(`^(?:${pattern})$`);
      } catch {
        compiled = null;
      }
    }
  }
  if (!compiled) skippedPatterns.add(pattern);
  cache.set(pattern, compiled);
  return compiled ?? undefined;
}

/** Whether `value` fully matches the model pattern (true when the pattern cannot be compiled). */
export function matchesPattern(pattern: string, value: string): boolean {
  const regex = compilePattern(pattern);
  return regex ? regex.test(value) : true;
}
