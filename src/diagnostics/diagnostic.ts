/**
 * Diagnostics are data: a code, a severity, a message and a source range. Stages return them
 * beside their results (never throw for a user's mistake), so one run reports every problem.
 */
import type { DiagnosticCode } from './codes.js';

/** How bad a finding is: errors fail the command, warnings are shown, notes explain deferred checks. */
export type Severity = 'error' | 'warning' | 'note';

/** A position in a file: 1-based line and column. */
export interface SourcePosition {
  line: number;
  col: number;
}

/** Where a finding is: file path (as given or discovered) and the start (and end, when known) of the node. */
export interface SourceLocation {
  file: string;
  start: SourcePosition;
  end?: SourcePosition;
}

/** One finding. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  location?: SourceLocation;
}

/** Builds a diagnostic (keeps call sites short and the field order uniform). */
export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  location?: SourceLocation,
): Diagnostic {
  return location ? { code, severity, message, location } : { code, severity, message };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, line, column, then code: output is deterministic whatever order checks ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [
    d.location?.file ?? '',
    d.location?.start.line ?? 0,
    d.location?.start.col ?? 0,
  ];
  return [...diagnostics].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    if (fa !== fb) return String(fa) < String(fb) ? -1 : 1;
    if (la !== lb) return Number(la) - Number(lb);
    if (ca !== cb) return Number(ca) - Number(cb);
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}
